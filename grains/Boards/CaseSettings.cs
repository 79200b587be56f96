namespace Scrutiny.Grains.Boards;

/// <summary>One outcome a case values: an indicator of the commitment (or an outcome of the cohort), counted in the board's place, and the unit cost of one.</summary>
[GenerateSerializer, Immutable]
public sealed record CaseLine(string Indicator, string UnitCost);

/// <summary>
/// What a board states for the cost-benefit case of a commitment or a cohort: when the work started (the baseline forecast is
/// fitted to the periods before, and the case counts the periods from then on), the deadweight and attribution shares
/// (0 to 1), the outcomes it values, and anything a reader should know about those choices.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CaseDraft(DateOnly Starts, decimal Deadweight, decimal Attribution, IReadOnlyList<CaseLine> Lines, string? Notes);

/// <summary>A commitment's or cohort's case as the board last set it, and by whom; <paramref name="Subject"/> is the commitment's or cohort's id.</summary>
[GenerateSerializer, Immutable]
public sealed record CaseSettings(
    string Subject, DateOnly Starts, decimal Deadweight, decimal Attribution, IReadOnlyList<CaseLine> Lines, string? Notes,
    string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public CaseDraft Draft => new(Starts, Deadweight, Attribution, Lines, Notes);
}

namespace Scrutiny.Grains.Boards;

/// <summary>
/// A group of people the board's agencies work with together (families with multiple needs, frail older people with
/// repeated emergency admissions, people leaving prison): who is in it, in words; the agencies that work with it; its size
/// per period, returned as an indicator of the catalogue like any other (a count); the outcomes measured for it, each an
/// indicator too (emergency admissions per 1,000 of the cohort); and the commitments whose work is for it, whose spend
/// from the pooled fund is the cost of its case.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Cohort(
    string Id, string Name, string Description, string Eligibility, IReadOnlyList<string> Agencies, string SizeIndicator,
    IReadOnlyList<string> Outcomes, IReadOnlyList<string> Commitments, string CreatedBy, DateTimeOffset CreatedAt)
{
    public CohortDraft Draft => new(Name, Description, Eligibility, Agencies, SizeIndicator, Outcomes, Commitments);
}

/// <summary>A cohort's fields as a caller sets them (checked by the silo before the board grain sees them).</summary>
[GenerateSerializer, Immutable]
public sealed record CohortDraft(
    string Name, string Description, string Eligibility, IReadOnlyList<string> Agencies, string SizeIndicator,
    IReadOnlyList<string> Outcomes, IReadOnlyList<string> Commitments);

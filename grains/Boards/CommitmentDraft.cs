namespace Scrutiny.Grains.Boards;

/// <summary>A commitment's fields as a caller sets them (checked by the silo before the board grain sees them).</summary>
[GenerateSerializer, Immutable]
public sealed record CommitmentDraft(
    string Title, string Result, IReadOnlyList<string> Indicators, Measure? Baseline, Measure? Target,
    string LeadAgency, IReadOnlyList<string> ContributingAgencies);

/// <summary>A milestone's fields as a caller sets them.</summary>
[GenerateSerializer, Immutable]
public sealed record MilestoneDraft(string Title, DateOnly Due, string Owner, DateOnly? CompletedOn);

/// <summary>Who changes a board's records, when, and (for an override) why.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardChange(string By, DateTimeOffset At, string? Reason = null);

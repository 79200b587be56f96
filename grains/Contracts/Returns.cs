namespace Scrutiny.Grains.Contracts;

/// <summary>One agency's value for one period of an indicator in a place, as the agency returned it.</summary>
[GenerateSerializer, Immutable]
public sealed record ReturnedValue(string Period, string Agency, double Numerator, double? Denominator, string? Note);

/// <summary>Values of one batch for one indicator grain, with who sent them and when.</summary>
[GenerateSerializer, Immutable]
public sealed record ReturnSubmission(
    string BatchId, string SubmittedBy, DateTimeOffset SubmittedAt, IReadOnlyList<ReturnedValue> Values);

/// <summary>What a returned value did: a new value, a new revision that changes it, or an identical re-submission.</summary>
[GenerateSerializer]
public enum ReturnOutcome
{
    Imported,
    Updated,
    Unchanged,
}

/// <summary>One agency's current contribution to a period, and the revision it is at.</summary>
[GenerateSerializer, Immutable]
public sealed record Contribution(
    string Agency, double Numerator, double? Denominator, string? Note, int Revision, string BatchId,
    string SubmittedBy, DateTimeOffset SubmittedAt);

/// <summary>
/// A row of the append-only returns ledger: every value ever accepted, with its revision. A batch's entries are written
/// in one transaction for all its grains; a grain's own submission writes them with its state.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LedgerEntry(
    string BatchId, string Place, string Indicator, string Period, string Agency, int Revision,
    double Numerator, double? Denominator, string? Note, string SubmittedBy, DateTimeOffset SubmittedAt)
    : Storage.IAppendRecord
{
    /// <summary>The entry as its agency's contribution to its period.</summary>
    public Contribution ToContribution() => new(Agency, Numerator, Denominator, Note, Revision, BatchId, SubmittedBy, SubmittedAt);
}

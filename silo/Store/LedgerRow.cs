using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Store;

/// <summary>
/// A <c>returns_ledger</c> row as Dapper reads it, whichever columns a query selects (a class, so that SQLite's 64-bit
/// whole numbers and text timestamps are converted).
/// </summary>
public sealed class LedgerRow
{
    /// <summary>The ledger's columns named as this class's properties, for a query's SELECT.</summary>
    public const string Columns =
        """
        batch_id AS BatchId, place_code AS Place, indicator_code AS Indicator, period AS Period, agency_code AS Agency,
        revision AS Revision, numerator AS Numerator, denominator AS Denominator, note AS Note, submitted_by AS SubmittedBy,
        submitted_at AS SubmittedAt
        """;

    public string BatchId { get; init; } = "";
    public string Place { get; init; } = "";
    public string Indicator { get; init; } = "";
    public string Period { get; init; } = "";
    public string Agency { get; init; } = "";
    public int Revision { get; init; }
    public double Numerator { get; init; }
    public double? Denominator { get; init; }
    public string? Note { get; init; }
    public string SubmittedBy { get; init; } = "";
    public object SubmittedAt { get; init; } = "";

    public LedgerEntry ToEntry() =>
        new(BatchId, Place, Indicator, Period, Agency, Revision, Numerator, Denominator, Note, SubmittedBy, SqlDialect.ReadTimestamp(SubmittedAt));
}

using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Api.Places;

/// <summary>
/// The revision history as CSV, one row per revision, each carrying the indicator's metadata (polarity, combine
/// method as <c>method</c>) and its source: the agency that sent it.
/// </summary>
public static class RevisionsCsv
{
    public static TableAbout About(string place, IndicatorDefinition d, TableView view) => new("Revisions", $"{d.Title}: {place}, revisions",
        "Every revision of every value the reader may see, from the returns ledger: one row per revision, with who sent it, when, its note and its batch.", view)
    { Facts = IndicatorFacts.Of(place, d) };

    public static void Write(IRowWriter csv, string place, IndicatorDefinition d, IReadOnlyList<LedgerEntry> entries)
    {
        IndicatorCsvColumns.Header(csv,
            "period", "source", "revision", "numerator", "denominator", "note", "batch_id", "submitted_by", "submitted_at");
        foreach (var e in entries)
        {
            csv.Indicator(place, d)
                .Text(e.Period).Text(e.Agency).Number(e.Revision).Number(e.Numerator).Number(e.Denominator).Text(e.Note)
                .Text(e.BatchId).Text(e.SubmittedBy).Time(e.SubmittedAt);
            csv.EndRow();
        }
    }
}

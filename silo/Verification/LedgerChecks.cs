using System.Data.Common;
using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Grains;
using Scrutiny.Silo.Returns;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Verification;

/// <summary>
/// The returns ledger against the batches agencies sent: every accepted value is in the ledger, and each agency's
/// revisions of a value run 1, 2, 3… with none missing. (An indicator's contributions are the ledger's newest rows, read
/// back as its state, so they cannot differ from it.)
/// </summary>
internal static class LedgerChecks
{
    private sealed class StagedRow
    {
        public string Batch { get; init; } = "";
        public string Agency { get; init; } = "";
        public int Row { get; init; }
        public string Place { get; init; } = "";
        public string Indicator { get; init; } = "";
        public string Period { get; init; } = "";
        public double Numerator { get; init; }
        public double? Denominator { get; init; }
        public string? Note { get; init; }
    }

    public static async Task CheckAsync(DbConnection connection, DbTransaction transaction, List<Discrepancy> found)
    {
        var ledger = (await connection.QueryAsync<LedgerRow>($"SELECT {LedgerRow.Columns} FROM returns_ledger", transaction: transaction)).ToList();
        foreach (var value in ledger.GroupBy(r => (Key: IndicatorKey.For(r.Place, r.Indicator), r.Period, r.Agency)))
        {
            var revisions = value.Select(r => r.Revision).Order().ToList();
            if (!revisions.SequenceEqual(Enumerable.Range(1, revisions.Count)))
                found.Add(new Discrepancy("ledger", $"{value.Key.Key} {value.Key.Period} {value.Key.Agency}",
                    $"revisions are {string.Join(", ", revisions)}; expected 1 to {revisions.Count} with none missing or repeated"));
        }

        await CheckBatchesAsync(connection, transaction, ledger, found);
    }

    /// <summary>Every batch was applied, and every row of it is in the ledger with the values the agency sent.</summary>
    private static async Task CheckBatchesAsync(DbConnection connection, DbTransaction transaction, List<LedgerRow> ledger, List<Discrepancy> found)
    {
        foreach (var batch in await connection.QueryAsync<string>("SELECT id FROM return_batches WHERE status = @status", new { status = BatchHeader.Accepted }, transaction))
            found.Add(new Discrepancy("batch", batch, "accepted but not applied"));

        var values = ledger.ToLookup(r => (r.Place, r.Indicator, r.Period, r.Agency));
        var staged = await connection.QueryAsync<StagedRow>(
            """
            SELECT b.id AS Batch, b.agency_code AS Agency, r.row_number AS Row, r.place_code AS Place, r.indicator_code AS Indicator,
                   r.period AS Period, r.numerator AS Numerator, r.denominator AS Denominator, r.note AS Note
            FROM return_batch_rows r JOIN return_batches b ON b.id = r.batch_id WHERE b.status = @status
            """, new { status = BatchHeader.Applied }, transaction);
        foreach (var s in staged)
        {
            // A value equal to the one before it is "unchanged" and adds no revision: any revision with these values counts.
            if (!values[(s.Place, s.Indicator, s.Period, s.Agency)].Any(r =>
                    r.Numerator.Equals(s.Numerator) && Nullable.Equals(r.Denominator, s.Denominator) && (r.Note ?? "") == (s.Note ?? "")))
                found.Add(new Discrepancy("batch", $"{s.Batch} row {s.Row}",
                    $"{s.Place}/{s.Indicator} {s.Period} {s.Agency} = {s.Numerator} was accepted but is not in the ledger"));
        }
    }
}

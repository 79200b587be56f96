using System.Data.Common;
using System.Text.Json;
using Dapper;
using Scrutiny.Grains.Storage;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Grains;
using Scrutiny.Silo.Returns;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Verification;

/// <summary>
/// The returns ledger against the batches agencies sent: every value a batch's answer counted is in the ledger, and each agency's
/// revisions of a value run 1, 2, 3… with none missing. (An indicator's contributions are the ledger's newest rows, read
/// back as its state, so they cannot differ from it.)
/// </summary>
internal static class LedgerChecks
{
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

    /// <summary>
    /// Every batch was applied, and the ledger holds as many of its values as its answer told the agency were imported
    /// or updated (an unchanged value adds no revision).
    /// </summary>
    private static async Task CheckBatchesAsync(DbConnection connection, DbTransaction transaction, List<LedgerRow> ledger, List<Discrepancy> found)
    {
        foreach (var batch in await connection.QueryAsync<string>("SELECT id FROM return_batches WHERE status = @status", new { status = BatchHeader.Accepted }, transaction))
            found.Add(new Discrepancy("batch", batch, "accepted but not applied"));

        var held = ledger.CountBy(r => r.BatchId).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        foreach (var (id, json) in await connection.QueryAsync<(string Id, string Result)>(
                     "SELECT id, result FROM return_batches WHERE result IS NOT NULL", transaction: transaction))
        {
            var result = JsonSerializer.Deserialize<ReturnsImportResult>(json, GrainJson.Options)!;
            var inLedger = held.GetValueOrDefault(id);
            if (inLedger != result.Imported + result.Updated)
                found.Add(new Discrepancy("batch", id,
                    $"its answer counted {result.Imported} imported and {result.Updated} updated, but the ledger holds {inLedger} of its values"));
        }
    }
}

using System.Data.Common;
using Npgsql;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Store;

/// <summary>
/// Appends ledger entries inside a grain's state transaction. A batch can bring thousands of entries to one grain,
/// so on PostgreSQL they go as one round trip (an NpgsqlBatch), and on SQLite, where there is no network, through one
/// prepared statement re-run per entry.
/// </summary>
public static class LedgerWriter
{
    private const string Columns = "batch_id, place_code, indicator_code, period, agency_code, revision, numerator, denominator, note, submitted_by, submitted_at";

    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<LedgerEntry> entries, StoreEngine engine)
    {
        if (entries.Count == 0) return;
        if (connection is NpgsqlConnection postgres)
        {
            await using var batch = new NpgsqlBatch(postgres, (NpgsqlTransaction)transaction);
            foreach (var entry in entries)
            {
                var command = new NpgsqlBatchCommand($"INSERT INTO returns_ledger ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)");
                foreach (var value in Values(entry, engine)) command.Parameters.Add(new NpgsqlParameter { Value = value });
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync();
            return;
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO returns_ledger ({Columns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)";
        var parameters = Enumerable.Range(0, 11).Select(i =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await insert.PrepareAsync();
        foreach (var entry in entries)
        {
            var values = Values(entry, engine);
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i];
            await insert.ExecuteNonQueryAsync();
        }
    }

    private static object[] Values(LedgerEntry e, StoreEngine engine) =>
    [
        e.BatchId, e.Place, e.Indicator, e.Period, e.Agency, e.Revision, e.Numerator, (object?)e.Denominator ?? DBNull.Value,
        (object?)e.Note ?? DBNull.Value, e.SubmittedBy, SqlDialect.Timestamp(e.SubmittedAt, engine),
    ];
}

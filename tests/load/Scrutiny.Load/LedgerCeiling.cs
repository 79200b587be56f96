using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;

namespace Scrutiny.Load;

/// <summary>
/// The most the store itself could take: the same rows written straight into a table shaped like the ledger (same columns,
/// keys and indexes), with no API, validation or grains in the way, by the product's own ledger writer
/// (<see cref="LedgerWriter"/>). On PostgreSQL, binary <c>COPY</c> into a new <c>returns_ledger_ceiling</c>
/// (<c>LIKE returns_ledger INCLUDING ALL</c>) in the product's database, one COPY (and transaction) per batch and as many at
/// once as the API had agencies; on SQLite, one transaction of prepared inserts into <c>returns_ledger</c> in a new sibling
/// file, made with the product's own DDL. One run a call: the scenario runs it beside each of its API runs.
/// </summary>
public static class LedgerCeiling
{
    /// <summary>The time the store took to write the batches.</summary>
    public static Task<TimeSpan> WriteAsync(LoadDatabase database, IReadOnlyList<IReadOnlyList<ReturnRow>> batches, int concurrent)
    {
        // Made before the clock starts: the ceiling times the writing only.
        var at = DateTimeOffset.UtcNow;
        var entries = batches.Select((rows, i) => (IReadOnlyList<LedgerEntry>)[.. rows.Select(row => new LedgerEntry($"ceiling-{i}", row.Place,
            row.Indicator, row.Period, row.Agency, 1, row.Numerator, row.Denominator, null, $"apikey:{row.Agency}", at))]).ToList();
        return database.Engine == StoreKind.Postgres ? CopyAsync(database.ConnectionString, entries, concurrent) : InsertAsync(database, entries);
    }

    private static async Task<TimeSpan> CopyAsync(string connectionString, List<IReadOnlyList<LedgerEntry>> batches, int concurrent)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand(
                "DROP TABLE IF EXISTS returns_ledger_ceiling; CREATE TABLE returns_ledger_ceiling (LIKE returns_ledger INCLUDING ALL)", connection);
            await create.ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = concurrent }, async (batch, token) =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(token);
            await using var transaction = await connection.BeginTransactionAsync(token);
            await LedgerWriter.AppendAsync(connection, transaction, batch, StoreEngine.Postgres, "returns_ledger_ceiling");
            await transaction.CommitAsync(token);
        });
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> InsertAsync(LoadDatabase database, List<IReadOnlyList<LedgerEntry>> batches)
    {
        var ddl = new List<string>();
        await using (var product = new SqliteConnection($"{database.ConnectionString};Mode=ReadOnly"))
        {
            await product.OpenAsync();
            await using var schema = product.CreateCommand();
            schema.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = 'returns_ledger' AND sql IS NOT NULL ORDER BY type DESC";
            await using var reader = await schema.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ddl.Add(reader.GetString(0));
        }
        File.Delete(database.SqliteCeilingFile); // each run into a new file, as each PostgreSQL run into a new table
        await using var connection = new SqliteConnection($"Data Source={database.SqliteCeilingFile};Pooling=False");
        await connection.OpenAsync();
        foreach (var statement in ddl)
        {
            await using var create = connection.CreateCommand();
            create.CommandText = statement;
            await create.ExecuteNonQueryAsync();
        }
        List<LedgerEntry> all = [.. batches.SelectMany(b => b)];
        var clock = Stopwatch.StartNew();
        await using var transaction = connection.BeginTransaction();
        await LedgerWriter.AppendAsync(connection, transaction, all, StoreEngine.Sqlite);
        await transaction.CommitAsync();
        return clock.Elapsed;
    }
}

using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Scrutiny.Load;

/// <summary>
/// The most the store itself could take: the same rows written straight into a table shaped like the ledger (same columns,
/// keys and indexes), with no API, validation or grains in the way. On PostgreSQL, binary <c>COPY</c> into
/// <c>returns_ledger_ceiling</c> (<c>LIKE returns_ledger INCLUDING ALL</c>) in the product's database, one COPY per batch and
/// as many at once as the API had agencies; on SQLite, one transaction of inserts into <c>returns_ledger</c> in a sibling file,
/// made with the product's own DDL.
/// </summary>
public static class LedgerCeiling
{
    public static Task<TimeSpan> WriteAsync(LoadDatabase database, IReadOnlyList<IReadOnlyList<ReturnRow>> batches, int concurrent) =>
        database.Engine == StoreKind.Postgres ? CopyAsync(database.ConnectionString, batches, concurrent) : InsertAsync(database, batches);

    private static async Task<TimeSpan> CopyAsync(string connectionString, IReadOnlyList<IReadOnlyList<ReturnRow>> batches, int concurrent)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE returns_ledger_ceiling (LIKE returns_ledger INCLUDING ALL)", connection);
            await create.ExecuteNonQueryAsync();
        }
        var at = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batches.Select((rows, i) => (rows, i)), new ParallelOptions { MaxDegreeOfParallelism = concurrent }, async (batch, token) =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(token);
            await using var import = await connection.BeginBinaryImportAsync(
                "COPY returns_ledger_ceiling (batch_id, place_code, indicator_code, period, agency_code, revision, numerator, denominator, note, submitted_by, submitted_at) FROM STDIN (FORMAT BINARY)",
                token);
            var batchId = $"ceiling-{batch.i}";
            foreach (var row in batch.rows)
            {
                await import.StartRowAsync(token);
                await import.WriteAsync(batchId, NpgsqlDbType.Text, token);
                await import.WriteAsync(row.Place, NpgsqlDbType.Text, token);
                await import.WriteAsync(row.Indicator, NpgsqlDbType.Text, token);
                await import.WriteAsync(row.Period, NpgsqlDbType.Text, token);
                await import.WriteAsync(row.Agency, NpgsqlDbType.Text, token);
                await import.WriteAsync(1, NpgsqlDbType.Integer, token);
                await import.WriteAsync(row.Numerator, NpgsqlDbType.Double, token);
                if (row.Denominator is { } d) await import.WriteAsync(d, NpgsqlDbType.Double, token);
                else await import.WriteNullAsync(token);
                await import.WriteNullAsync(token);
                await import.WriteAsync($"apikey:{row.Agency}", NpgsqlDbType.Text, token);
                await import.WriteAsync(at, NpgsqlDbType.TimestampTz, token);
            }
            await import.CompleteAsync(token);
        });
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> InsertAsync(LoadDatabase database, IReadOnlyList<IReadOnlyList<ReturnRow>> batches)
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
        await using var connection = new SqliteConnection($"Data Source={database.SqliteCeilingFile};Pooling=False");
        await connection.OpenAsync();
        foreach (var statement in ddl)
        {
            await using var create = connection.CreateCommand();
            create.CommandText = statement;
            await create.ExecuteNonQueryAsync();
        }
        var at = DateTimeOffset.UtcNow.ToString("O");
        var clock = Stopwatch.StartNew();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO returns_ledger (batch_id, place_code, indicator_code, period, agency_code, revision, numerator, denominator, note, submitted_by, submitted_at)
            VALUES ($batch, $place, $indicator, $period, $agency, 1, $numerator, $denominator, NULL, $by, $at)
            """;
        var parameters = new[] { "$batch", "$place", "$indicator", "$period", "$agency", "$numerator", "$denominator", "$by", "$at" }
            .ToDictionary(name => name, name => insert.Parameters.Add(new SqliteParameter { ParameterName = name }));
        insert.Prepare();
        for (var i = 0; i < batches.Count; i++)
            foreach (var row in batches[i])
            {
                parameters["$batch"].Value = $"ceiling-{i}";
                parameters["$place"].Value = row.Place;
                parameters["$indicator"].Value = row.Indicator;
                parameters["$period"].Value = row.Period;
                parameters["$agency"].Value = row.Agency;
                parameters["$numerator"].Value = row.Numerator;
                parameters["$denominator"].Value = row.Denominator is { } d ? d : DBNull.Value;
                parameters["$by"].Value = $"apikey:{row.Agency}";
                parameters["$at"].Value = at;
                await insert.ExecuteNonQueryAsync();
            }
        await transaction.CommitAsync();
        return clock.Elapsed;
    }
}

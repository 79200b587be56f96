using System.Data.Common;
using Dapper;
using Npgsql;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// Writes a batch's rows to <c>return_batch_rows</c> as they stream past, inside the caller's transaction. Staged rows
/// are what recovery feeds the grains from when a crash came before the batch's ledger entries were committed. Rows added are kept only once
/// <see cref="CompleteAsync"/> has run: disposing without it (a rejected batch, a failed request) keeps none of them.
/// </summary>
public abstract class BatchStaging : IAsyncDisposable
{
    /// <summary>The store's fastest way in: binary COPY on PostgreSQL, one INSERT a row on SQLite.</summary>
    public static BatchStaging Start(DbConnection connection, DbTransaction transaction, string batchId) =>
        connection is NpgsqlConnection postgres
            ? new PostgresBatchStaging(postgres, batchId)
            : new SqliteBatchStaging(connection, transaction, batchId);

    public abstract ValueTask AddAsync(StagedRow row);

    /// <summary>Writes what is still buffered; the rows are then in the caller's transaction.</summary>
    public abstract Task CompleteAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// The staged rows of a batch, one indicator grain's rows after another, each in submitted order: read whole, so that
    /// the connection goes back to the pool before any grain is fed (the grains need connections of their own). Place
    /// and indicator codes are shared between rows: a 100,000-row batch holds a few hundred of each, not 200,000 strings.
    /// </summary>
    public static async Task<IReadOnlyList<StagedRow>> ReadAllAsync(DbConnection connection, DbTransaction? transaction, string batchId)
    {
        var rows = new List<StagedRow>();
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string code) => codes.TryGetValue(code, out var kept) ? kept : codes[code] = code;
        await using var reader = await connection.ExecuteReaderAsync(
            """
            SELECT row_number, place_code, indicator_code, period, numerator, denominator, note
            FROM return_batch_rows WHERE batch_id = @batchId ORDER BY place_code, indicator_code, row_number
            """, new { batchId }, transaction);
        while (await reader.ReadAsync())
            rows.Add(new StagedRow(Convert.ToInt32(reader.GetValue(0)), Shared(reader.GetString(1)), Shared(reader.GetString(2)), reader.GetString(3),
                reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        return rows;
    }
}

/// <summary>A validated row as staged.</summary>
public sealed record StagedRow(int Row, string Place, string Indicator, string Period, double Numerator, double? Denominator, string? Note)
{
    /// <summary>A row that passed validation: every field it needs is there.</summary>
    public static StagedRow From(int row, ReturnRow values) =>
        new(row, values.Place!, values.Indicator!, values.Period!, values.Numerator!.Value, values.Denominator, values.Note);
}

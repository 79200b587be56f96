using System.Data.Common;
using Npgsql;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Store;

/// <summary>
/// Appends ledger entries inside the caller's transaction: a batch's, with every entry of the batch, or a grain's own
/// state write. A batch can bring tens of thousands of entries, so on PostgreSQL they stream in as one binary COPY (no statement per entry for the server to parse and plan, as the
/// NpgsqlBatch of INSERTs it replaced had), and on SQLite, where there is no network, through one prepared statement
/// re-run per entry.
/// </summary>
public static class LedgerWriter
{
    private const string Columns = "batch_id, place_code, indicator_code, period, agency_code, revision, numerator, denominator, note, submitted_by, submitted_at";

    /// <param name="table">The ledger, or a table shaped like it (the load tool's measure of what the store can take).</param>
    /// <param name="entries">
    /// Read once, as they are written: a batch's are its grains' plans', not copied into one array first. None: nothing
    /// is sent to the store.
    /// </param>
    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, IEnumerable<LedgerEntry> entries, StoreEngine engine,
        string table = "returns_ledger")
    {
        using var entry = entries.GetEnumerator();
        if (!entry.MoveNext()) return;
        if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, entry, table);
            return;
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table} ({Columns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)";
        var parameters = Enumerable.Range(0, 11).Select(i =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await insert.PrepareAsync();
        do
        {
            var values = Values(entry.Current, engine);
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i];
            await insert.ExecuteNonQueryAsync();
        }
        while (entry.MoveNext());
    }

    /// <summary>
    /// The COPY joins the caller's transaction: the entries commit, or roll back, with the rest of it. Encoded here
    /// (<see cref="BinaryCopyWriter"/>), not value by value through Npgsql's importer.
    /// </summary>
    /// <param name="entry">On the first entry.</param>
    private static async Task CopyAsync(NpgsqlConnection connection, IEnumerator<LedgerEntry> entry, string table)
    {
        await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)");
        try
        {
            var rows = new BinaryCopyWriter(copy);
            rows.WriteHeader();
            do
            {
                var e = entry.Current;
                await rows.StartRowAsync(11);
                rows.Text(e.BatchId);
                rows.Text(e.Place);
                rows.Text(e.Indicator);
                rows.Text(e.Period);
                rows.Text(e.Agency);
                rows.Integer(e.Revision);
                rows.Double(e.Numerator);
                rows.DoubleOrNull(e.Denominator);
                rows.TextOrNull(e.Note);
                rows.Text(e.SubmittedBy);
                rows.Timestamp(e.SubmittedAt);
            }
            while (entry.MoveNext());
            await rows.FinishAsync();
        }
        catch
        {
            // Closing the stream would end the COPY as complete: whatever went in would be kept if the caller committed.
            // A connection that broke cannot cancel; its transaction is gone with it, and the first error says why.
            try { await copy.CancelAsync(); }
            catch (NpgsqlException) { }
            throw;
        }
    }

    private static object[] Values(LedgerEntry e, StoreEngine engine) =>
    [
        e.BatchId, e.Place, e.Indicator, e.Period, e.Agency, e.Revision, e.Numerator, (object?)e.Denominator ?? DBNull.Value,
        (object?)e.Note ?? DBNull.Value, e.SubmittedBy, SqlDialect.Timestamp(e.SubmittedAt, engine),
    ];
}

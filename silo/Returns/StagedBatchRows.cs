using System.Data.Common;
using Dapper;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// The rows of a batch that an earlier version staged in <c>return_batch_rows</c> and committed before applying it.
/// Batches are now committed with their ledger entries and never staged; a node upgraded over a store that still holds
/// such a batch, not applied because its node died, applies it from here (<see cref="BatchApplier.ResumeAsync"/>).
/// </summary>
public static class StagedBatchRows
{
    /// <summary>
    /// Read whole, so that the connection goes back to the pool before any grain is fed (the grains need connections of
    /// their own).
    /// </summary>
    public static async Task<IReadOnlyList<AcceptedRow>> ReadAllAsync(DbConnection connection, string batchId, string agency)
    {
        var rows = new List<AcceptedRow>();
        await using var reader = await connection.ExecuteReaderAsync(
            """
            SELECT row_number, place_code, indicator_code, period, numerator, denominator, note
            FROM return_batch_rows WHERE batch_id = @batchId ORDER BY row_number
            """, new { batchId });
        while (await reader.ReadAsync())
            rows.Add(new AcceptedRow(Convert.ToInt32(reader.GetValue(0)), reader.GetString(1), reader.GetString(2), new ReturnedValue(reader.GetString(3),
                agency, reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetString(6))));
        return rows;
    }
}

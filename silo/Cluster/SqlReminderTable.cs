using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Cluster;

/// <summary>
/// Orleans reminders in the store's own table (<c>grain_reminders</c>, migration 0011), on SQLite for one node and on
/// PostgreSQL for a cluster: a reminder outlives every node, and whichever silo owns its grain's share of the hash ring
/// fires it. Each write gives the row a new etag; a removal names the etag it read, so a reminder re-registered meanwhile
/// is not removed by someone who saw the old one.
/// </summary>
public sealed class SqlReminderTable(Database database, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at, period_ms, etag";

    private string ServiceId => cluster.Value.ServiceId;


    public async Task<ReminderTableData> ReadRows(GrainId grainId) =>
        new(await QueryAsync("AND grain_id = @grainId", new { ServiceId, grainId = grainId.ToString() }));

    /// <summary>The reminders whose grains hash into (<paramref name="begin"/>, <paramref name="end"/>], a range that may wrap past zero.</summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        new(await QueryAsync(
            begin < end ? "AND grain_hash > @begin AND grain_hash <= @end" : "AND (grain_hash > @begin OR grain_hash <= @end)",
            new { ServiceId, begin = (long)begin, end = (long)end }));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        (await QueryAsync("AND grain_id = @grainId AND reminder_name = @reminderName",
            new { ServiceId, grainId = grainId.ToString(), reminderName })).SingleOrDefault();

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        await using var connection = await database.OpenAsync();
        var etag = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO grain_reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period_ms, etag)
            VALUES (@ServiceId, @grainId, @name, @hash, @startAt, @periodMs, 1)
            ON CONFLICT (service_id, grain_id, reminder_name)
            DO UPDATE SET start_at = excluded.start_at, period_ms = excluded.period_ms, etag = grain_reminders.etag + 1
            RETURNING etag
            """,
            new
            {
                ServiceId,
                grainId = entry.GrainId.ToString(),
                name = entry.ReminderName,
                hash = (long)entry.GrainId.GetUniformHashCode(),
                startAt = SqlDialect.Timestamp(new DateTimeOffset(DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc)), database.Engine),
                periodMs = (long)entry.Period.TotalMilliseconds,
            });
        return etag.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var etag)) return false;
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(
            "DELETE FROM grain_reminders WHERE service_id = @ServiceId AND grain_id = @grainId AND reminder_name = @reminderName AND etag = @etag",
            new { ServiceId, grainId = grainId.ToString(), reminderName, etag }) == 1;
    }

    public async Task TestOnlyClearTable()
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM grain_reminders WHERE service_id = @ServiceId", new { ServiceId });
    }

    private async Task<List<ReminderEntry>> QueryAsync(string where, object parameters)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string GrainId, string ReminderName, object StartAt, long PeriodMs, long Etag)>(
            $"SELECT {Columns} FROM grain_reminders WHERE service_id = @ServiceId {where}", parameters);
        return [.. rows.Select(r => new ReminderEntry
        {
            GrainId = GrainId.Parse(r.GrainId),
            ReminderName = r.ReminderName,
            StartAt = SqlDialect.ReadTimestamp(r.StartAt).UtcDateTime,
            Period = TimeSpan.FromMilliseconds(r.PeriodMs),
            ETag = r.Etag.ToString(CultureInfo.InvariantCulture),
        })];
    }
}

using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Cluster;

/// <summary>
/// Orleans membership in the store's own tables (<c>cluster_versions</c>, <c>cluster_members</c>, migration 0011): who
/// is in the cluster and in what state. Every change but a heartbeat moves the table's version on, and is written only
/// if the version its writer read is still the one stored, in the same transaction as the row: two silos voting at once
/// cannot both win. A row's etag is the table version it was read at, so a changed table refuses the write either way.
/// </summary>
public sealed class SqlMembershipTable(Database database, IOptions<ClusterOptions> cluster) : IMembershipTable
{
    private string ClusterId => cluster.Value.ClusterId;

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        if (!tryInitTableVersion) return;
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO cluster_versions (cluster_id, version) VALUES (@ClusterId, 0) ON CONFLICT (cluster_id) DO NOTHING",
            new { ClusterId });
    }

    public async Task DeleteMembershipTableEntries(string clusterId) =>
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("DELETE FROM cluster_members WHERE cluster_id = @clusterId", new { clusterId }, transaction);
            return await connection.ExecuteAsync("DELETE FROM cluster_versions WHERE cluster_id = @clusterId", new { clusterId }, transaction);
        });

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        var all = await ReadAll();
        var defunct = all.Members.Select(m => m.Item1)
            .Where(e => e.Status == SiloStatus.Dead && Latest(e) < beforeDate.UtcDateTime)
            .Select(e => e.SiloAddress.ToParsableString()).ToList();
        if (defunct.Count == 0) return;
        await using var connection = await database.OpenAsync();
        foreach (var address in defunct)
            await connection.ExecuteAsync("DELETE FROM cluster_members WHERE cluster_id = @ClusterId AND silo_address = @address",
                new { ClusterId, address });
    }

    public async Task<MembershipTableData> ReadRow(SiloAddress key) =>
        await ReadAsync("AND silo_address = @address", key.ToParsableString());

    public async Task<MembershipTableData> ReadAll() => await ReadAsync("", null);

    public async Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) =>
        await WriteAsync(entry, tableVersion, insert: true);

    public async Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) =>
        // The etag a row was read with is the version its whole table was at: checking the table's version checks it.
        await WriteAsync(entry, tableVersion, insert: false);

    /// <summary>The heartbeat: only the row's i_am_alive, and the same time inside its entry; the table's version stays.</summary>
    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE cluster_members SET i_am_alive = @alive WHERE cluster_id = @ClusterId AND silo_address = @address",
            new { ClusterId, address = entry.SiloAddress.ToParsableString(), alive = At(entry.IAmAliveTime) });
    }

    private async Task<MembershipTableData> ReadAsync(string where, string? address)
    {
        await using var connection = await database.OpenAsync();
        // One transaction: the rows and the version they are read with belong together.
        await using var transaction = await connection.BeginTransactionAsync();
        var version = await connection.ExecuteScalarAsync<int?>("SELECT version FROM cluster_versions WHERE cluster_id = @ClusterId",
            new { ClusterId }, transaction) ?? 0;
        var rows = await connection.QueryAsync<(string Entry, object Alive)>(
            $"SELECT entry, i_am_alive FROM cluster_members WHERE cluster_id = @ClusterId {where}", new { ClusterId, address }, transaction);
        await transaction.CommitAsync();
        var etag = version.ToString(CultureInfo.InvariantCulture);
        var members = rows.Select(r => Tuple.Create(StoredMember.Read(r.Entry, SqlDialect.ReadTimestamp(r.Alive)), etag)).ToList();
        return new MembershipTableData(members, new TableVersion(version, etag));
    }

    private async Task<bool> WriteAsync(MembershipEntry entry, TableVersion tableVersion, bool insert)
    {
        var address = entry.SiloAddress.ToParsableString();
        var json = StoredMember.Write(entry);
        var alive = At(entry.IAmAliveTime);
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // The version moves from the one the writer read to the one it asks for, and the row is written, or neither.
        var written = await MoveVersionAsync(connection, transaction, tableVersion.Version) && (insert
            ? await connection.ExecuteAsync(
                """
                INSERT INTO cluster_members (cluster_id, silo_address, entry, i_am_alive) VALUES (@ClusterId, @address, @json, @alive)
                ON CONFLICT (cluster_id, silo_address) DO NOTHING
                """, new { ClusterId, address, json, alive }, transaction)
            : await connection.ExecuteAsync(
                "UPDATE cluster_members SET entry = @json, i_am_alive = @alive WHERE cluster_id = @ClusterId AND silo_address = @address",
                new { ClusterId, address, json, alive }, transaction)) == 1;
        if (written) await transaction.CommitAsync();
        else await transaction.RollbackAsync();
        return written;
    }

    private async Task<bool> MoveVersionAsync(DbConnection connection, DbTransaction transaction, int next) =>
        await connection.ExecuteAsync(
            "UPDATE cluster_versions SET version = @next WHERE cluster_id = @ClusterId AND version = @previous",
            new { ClusterId, next, previous = next - 1 }, transaction) == 1;

    private object At(DateTime utc) => SqlDialect.Timestamp(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), database.Engine);

    private static DateTime Latest(MembershipEntry entry) =>
        new[] { entry.StartTime, entry.IAmAliveTime }.Concat(entry.SuspectTimes?.Select(s => s.Item2) ?? []).Max();

    /// <summary>
    /// A membership entry as its row's JSON: our own shape with explicit names, so that a stored row does not depend on
    /// Orleans' type names; silo addresses in Orleans' parsable form.
    /// </summary>
    private sealed record StoredMember(
        string Address, int Status, int ProxyPort, string HostName, string SiloName, string? RoleName, int UpdateZone, int FaultZone,
        DateTime StartTime, List<StoredSuspicion>? Suspicions)
    {
        public static string Write(MembershipEntry e) => JsonSerializer.Serialize(new StoredMember(
            e.SiloAddress.ToParsableString(), (int)e.Status, e.ProxyPort, e.HostName, e.SiloName, e.RoleName, e.UpdateZone, e.FaultZone,
            e.StartTime, e.SuspectTimes?.Select(s => new StoredSuspicion(s.Item1.ToParsableString(), s.Item2)).ToList()));

        public static MembershipEntry Read(string json, DateTimeOffset alive)
        {
            var m = JsonSerializer.Deserialize<StoredMember>(json) ?? throw new InvalidDataException("An empty membership row.");
            return new MembershipEntry
            {
                SiloAddress = SiloAddress.FromParsableString(m.Address),
                Status = (SiloStatus)m.Status,
                ProxyPort = m.ProxyPort,
                HostName = m.HostName,
                SiloName = m.SiloName,
                RoleName = m.RoleName,
                UpdateZone = m.UpdateZone,
                FaultZone = m.FaultZone,
                StartTime = DateTime.SpecifyKind(m.StartTime, DateTimeKind.Utc),
                IAmAliveTime = alive.UtcDateTime,
                SuspectTimes = m.Suspicions?.Select(s => Tuple.Create(SiloAddress.FromParsableString(s.By), DateTime.SpecifyKind(s.At, DateTimeKind.Utc))).ToList(),
            };
        }
    }

    private sealed record StoredSuspicion(string By, DateTime At);
}

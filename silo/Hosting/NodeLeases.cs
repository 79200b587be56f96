using Dapper;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Hosting;

/// <summary>
/// Which node instances are alive. Each renews a lease in <c>node_instances</c> while it runs; an instance whose
/// lease ran out, or that a later start superseded, is dead, and the reservations and batches it held may be taken
/// over. On SQLite one process owns the file, so a start supersedes every earlier instance; on PostgreSQL, where
/// nodes share the store, only the earlier instances of its own node (same name). An instance whose silo the cluster
/// declared dead is dead at once (<see cref="SupersedeSiloAsync"/>).
/// </summary>
public sealed class NodeLeases(Database database, NodeInstance self, SiloOptions options, ILocalSiloDetails silo)
{
    /// <summary>Who superseded an instance whose silo the cluster declared dead.</summary>
    public const string DeclaredDead = "declared-dead";

    // Wall-clock time, not the injected TimeProvider: a test's hand-moved clock must not make a live node look dead.
    private static readonly TimeProvider Clock = TimeProvider.System;

    // Dead instances' rows are kept a while for whoever investigates a crash, then dropped.
    private static readonly TimeSpan KeepDead = TimeSpan.FromDays(7);

    public TimeSpan Lease => TimeSpan.FromSeconds(options.NodeLeaseSeconds);

    public NodeInstance Self => self;

    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO node_instances (instance_id, node_name, started_at, lease_until, silo_address)
                VALUES (@Id, @Name, @now, @until, @siloAddress)
                """,
                new { self.Id, self.Name, now = At(now), until = At(now + Lease), siloAddress = silo.SiloAddress.ToParsableString() }, transaction);
            await connection.ExecuteAsync(
                $"""
                UPDATE node_instances SET superseded_by = @Id
                WHERE instance_id <> @Id AND superseded_by IS NULL {(database.Engine == StoreEngine.Sqlite ? "" : "AND node_name = @Name")}
                """, new { self.Id, self.Name }, transaction);
            return await connection.ExecuteAsync("DELETE FROM node_instances WHERE lease_until < @before",
                new { before = At(now - KeepDead) }, transaction);
        }, cancellationToken);
    }

    /// <summary>
    /// Extends this instance's lease. False when a start of another process under this node's name had taken it for
    /// dead (two nodes given one name): it comes back alive, and whatever was taken over meanwhile stays taken,
    /// since every takeover is a compare-and-set that this instance's own commits respect.
    /// </summary>
    public async Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var until = At(Clock.GetUtcNow() + Lease);
        if (await connection.ExecuteAsync("UPDATE node_instances SET lease_until = @until WHERE instance_id = @Id AND superseded_by IS NULL",
                new { until, self.Id }) == 1) return true;
        await connection.ExecuteAsync("UPDATE node_instances SET lease_until = @until, superseded_by = NULL WHERE instance_id = @Id",
            new { until, self.Id });
        return false;
    }

    /// <summary>
    /// The instance that ran <paramref name="deadSilo"/> is dead: the cluster's membership says so, after probes that
    /// failed on more than one node, seconds after the process died and well before its lease would run out.
    /// </summary>
    public async Task<bool> SupersedeSiloAsync(SiloAddress deadSilo, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE node_instances SET superseded_by = @DeclaredDead WHERE silo_address = @address AND superseded_by IS NULL",
            new { DeclaredDead, address = deadSilo.ToParsableString() }) > 0;
    }

    /// <summary>The instances alive now, this one among them.</summary>
    public async Task<HashSet<string>> AliveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>("SELECT instance_id FROM node_instances WHERE lease_until > @now AND superseded_by IS NULL",
            new { now = At(Clock.GetUtcNow()) })).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>False for no instance at all (a reservation or batch from before instances were recorded).</summary>
    public async Task<bool> IsAliveAsync(string? instance, CancellationToken cancellationToken) =>
        instance is not null && (await AliveAsync(cancellationToken)).Contains(instance);

    private object At(DateTimeOffset value) => SqlDialect.Timestamp(value, database.Engine);
}

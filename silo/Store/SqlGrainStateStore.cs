using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Runtime;

namespace Scrutiny.Silo.Store;

/// <summary>
/// Grain state in the <c>grain_state</c> table, written with an optimistic version check, and the rows grains
/// append (ledger entries, audit rows) written in the same transaction.
/// </summary>
public sealed class SqlGrainStateStore(Database database, TimeProvider time) : IGrainStateStore
{
    public async Task<StoredState?> ReadAsync(string grainType, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Data, long Version)?>(
            "SELECT data, version FROM grain_state WHERE grain_type = @grainType AND grain_key = @key",
            new { grainType, key });
        return row is { } r ? new StoredState(r.Data, r.Version) : null;
    }

    public Task<long> WriteAsync(string grainType, string key, string json, long expectedVersion,
        IReadOnlyList<IAppendRecord> appends, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var at = SqlDialect.Timestamp(time.GetUtcNow(), database.Engine);
            var newVersion = expectedVersion + 1;
            // First write inserts; a concurrent first write from another node hits the primary key and is a conflict.
            var written = expectedVersion == 0
                ? await connection.ExecuteAsync(
                    """
                    INSERT INTO grain_state (grain_type, grain_key, version, data, updated_at)
                    VALUES (@grainType, @key, @newVersion, @json, @at) ON CONFLICT (grain_type, grain_key) DO NOTHING
                    """,
                    new { grainType, key, newVersion, json, at }, transaction)
                : await connection.ExecuteAsync(
                    """
                    UPDATE grain_state SET version = @newVersion, data = @json, updated_at = @at
                    WHERE grain_type = @grainType AND grain_key = @key AND version = @expectedVersion
                    """,
                    new { grainType, key, newVersion, expectedVersion, json, at }, transaction);
            if (written != 1) throw new StateVersionConflictException(grainType, key, expectedVersion);

            if (appends.FirstOrDefault(a => a is not (LedgerEntry or AuditEntry or CommitmentStatusEntry or FundLedgerEntry)) is { } unknown)
                throw new NotSupportedException($"The store cannot append a {unknown.GetType().Name}.");
            await LedgerWriter.AppendAsync(connection, transaction, [.. appends.OfType<LedgerEntry>()], database.Engine);
            foreach (var entry in appends.OfType<AuditEntry>())
                await AuditLog.AppendAsync(connection, transaction, entry, database.Engine, cancellationToken);
            await BoardRecordsWriter.AppendAsync(connection, transaction, appends, database.Engine);
            return newVersion;
        }, cancellationToken);
}

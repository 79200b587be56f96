using System.Globalization;
using System.Text.Json;
using Dapper;
using Orleans.Storage;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Grains;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Silo.Store;

/// <summary>
/// Orleans grain storage over the project's own store: each grain's state is a JSON row in <c>grain_state</c>, keyed by
/// the state's name (<see cref="GrainStates"/>) and the grain's key, written with a version check (the ETag), and the
/// rows the grain appends (ledger entries, audit rows, status history, fund entries) go in the same transaction. An
/// indicator's contributions are not in its row: they are its ledger entries' newest revisions, read back with it. A
/// write that finds a newer version throws <see cref="InconsistentStateException"/>; nothing of it is kept.
/// </summary>
public sealed class SqlGrainStorage(Database database, IndicatorStateReads indicatorReads, TimeProvider time, FaultInjection faults) : IGrainStorage
{
    private const string StateRow = "SELECT data, version FROM grain_state WHERE grain_type = @stateName AND grain_key = @key";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = grainId.Key.ToString()!;
        (string Data, long Version)? row;
        Dictionary<string, Contribution[]>? periods = null;
        // An indicator's contributions live in the ledger, not in its state row: both read with the other indicators
        // waking at the same moment.
        if (typeof(T) == typeof(IndicatorState)) (row, periods) = await indicatorReads.ReadAsync(key);
        else
        {
            await using var connection = await database.OpenAsync();
            row = await connection.QuerySingleOrDefaultAsync<(string Data, long Version)?>(StateRow, new { stateName, key });
        }

        if (row is { } r)
        {
            grainState.State = JsonSerializer.Deserialize<T>(r.Data, GrainJson.Options) ?? Activator.CreateInstance<T>();
            grainState.ETag = r.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        if (grainState.State is IndicatorState indicatorState && periods is not null) indicatorState.Periods = periods;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = grainId.Key.ToString()!;
        var expected = grainState.ETag is { } etag ? long.Parse(etag, CultureInfo.InvariantCulture) : 0;
        var json = JsonSerializer.Serialize(grainState.State, GrainJson.Options);
        IReadOnlyList<IAppendRecord> appends = grainState.State is RecordedState recorded ? recorded.Appending : [];
        var version = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var at = SqlDialect.Timestamp(time.GetUtcNow(), database.Engine);
            var newVersion = expected + 1;
            // The first write inserts; a concurrent first write elsewhere hits the primary key and is a conflict.
            var written = expected == 0
                ? await connection.ExecuteAsync(
                    """
                    INSERT INTO grain_state (grain_type, grain_key, version, data, updated_at)
                    VALUES (@stateName, @key, @newVersion, @json, @at) ON CONFLICT (grain_type, grain_key) DO NOTHING
                    """,
                    new { stateName, key, newVersion, json, at }, transaction)
                : await connection.ExecuteAsync(
                    """
                    UPDATE grain_state SET version = @newVersion, data = @json, updated_at = @at
                    WHERE grain_type = @stateName AND grain_key = @key AND version = @expected
                    """,
                    new { stateName, key, newVersion, expected, json, at }, transaction);
            if (written != 1)
                throw new InconsistentStateException($"The state of {stateName}/{key} is no longer at version {expected}.",
                    "(newer)", expected.ToString(CultureInfo.InvariantCulture));

            if (appends.FirstOrDefault(a => a is not (LedgerEntry or AuditEntry or CommitmentStatusEntry or FundLedgerEntry)) is { } unknown)
                throw new NotSupportedException($"The store cannot append a {unknown.GetType().Name}.");
            await LedgerWriter.AppendAsync(connection, transaction, [.. appends.OfType<LedgerEntry>()], database.Engine);
            foreach (var entry in appends.OfType<AuditEntry>())
                await AuditLog.AppendAsync(connection, transaction, entry, database.Engine, CancellationToken.None);
            await BoardRecordsWriter.AppendAsync(connection, transaction, appends, database.Engine);
            return newVersion;
        }, CancellationToken.None);
        faults.Written();
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <summary>No grain clears its state: a ledger's grain keeps its history. Refused rather than silently ignored.</summary>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        throw new NotSupportedException($"Grain state ({stateName}) is never cleared: the ledger it stands for is append-only.");
}

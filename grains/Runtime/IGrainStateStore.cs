namespace Scrutiny.Grains.Runtime;

/// <summary>A grain's state as stored: serialised JSON and the version it was written at.</summary>
public sealed record StoredState(string Json, long Version);

/// <summary>
/// A row the store writes in the same transaction as a grain's state, such as a returns ledger entry.
/// The store knows how to persist each kind; the grain only says what to append.
/// </summary>
public interface IAppendRecord;

/// <summary>Where grain state lives. Implemented over SQLite and PostgreSQL by the silo.</summary>
public interface IGrainStateStore
{
    Task<StoredState?> ReadAsync(string grainType, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the state if the stored version still equals <paramref name="expectedVersion"/> (0: not stored yet),
    /// together with <paramref name="appends"/>, in one transaction. Returns the new version.
    /// </summary>
    /// <exception cref="StateVersionConflictException">Another node wrote a newer version first.</exception>
    Task<long> WriteAsync(string grainType, string key, string json, long expectedVersion,
        IReadOnlyList<IAppendRecord> appends, CancellationToken cancellationToken = default);
}

/// <summary>Thrown by a store when a write finds a newer version; the runtime reloads the grain and retries the call.</summary>
public sealed class StateVersionConflictException(string grainType, string key, long expectedVersion)
    : Exception($"State of {grainType}/{key} is no longer at version {expectedVersion}.");

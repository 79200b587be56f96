using Scrutiny.Grains.Runtime;

namespace Scrutiny.Grains.Tests.Runtime;

/// <summary>
/// The runtime's storage contract in memory, with the same version check as the SQL store, for unit tests of the
/// runtime alone. The store's own behaviour is tested on SQLite and PostgreSQL in the silo tests.
/// </summary>
public sealed class InMemoryGrainStateStore : IGrainStateStore
{
    private readonly Dictionary<(string, string), StoredState> _states = [];
    private readonly Lock _gate = new();

    public int Conflicts { get; private set; }

    public async Task<StoredState?> ReadAsync(string grainType, string key, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        lock (_gate) return _states.GetValueOrDefault((grainType, key));
    }

    public async Task<long> WriteAsync(string grainType, string key, string json, long expectedVersion,
        IReadOnlyList<IAppendRecord> appends, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        lock (_gate)
        {
            var current = _states.GetValueOrDefault((grainType, key))?.Version ?? 0;
            if (current != expectedVersion)
            {
                Conflicts++;
                throw new StateVersionConflictException(grainType, key, expectedVersion);
            }
            _states[(grainType, key)] = new StoredState(json, expectedVersion + 1);
            return expectedVersion + 1;
        }
    }
}

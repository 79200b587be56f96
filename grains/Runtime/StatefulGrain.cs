using System.Text.Json;

namespace Scrutiny.Grains.Runtime;

/// <summary>
/// A grain whose state is loaded on activation and written through a version check. A write that finds a newer
/// version in the store (another node got there first) throws, and the runtime reloads the state and retries the
/// whole call, so an update is never lost.
/// </summary>
public abstract class Grain<TState> : Grain where TState : class, new()
{
    private long _version;

    protected TState State { get; private set; } = new();

    /// <summary>The stored version of <see cref="State"/>; 0 while nothing has been written.</summary>
    protected long StateVersion => _version;

    internal override async Task LoadStateAsync(CancellationToken cancellationToken)
    {
        var stored = await Context.Store.ReadAsync(Context.GrainType, Key, cancellationToken);
        State = stored is null ? new TState() : JsonSerializer.Deserialize<TState>(stored.Json, GrainJson.Options) ?? new TState();
        _version = stored?.Version ?? 0;
    }

    /// <summary>Writes <see cref="State"/> and, in the same transaction, <paramref name="appends"/>.</summary>
    protected async Task WriteStateAsync(IReadOnlyList<IAppendRecord>? appends = null, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(State, GrainJson.Options);
        _version = await Context.Store.WriteAsync(Context.GrainType, Key, json, _version, appends ?? [], cancellationToken);
    }
}

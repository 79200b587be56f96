using System.Collections.Concurrent;

namespace Scrutiny.Grains.Runtime;

/// <summary>
/// One node's grains: at most one activation per grain type and key, calls run one turn at a time, state written
/// through version checks (a lost race reloads and retries), idle activations collected. No placement or
/// membership: any node may activate any grain and the store arbitrates.
/// </summary>
public sealed class GrainRuntime : IGrainFactory, IAsyncDisposable
{
    private readonly ConcurrentDictionary<(Type Interface, string Key), Activation> _activations = new();
    private readonly IGrainActivator _activator;
    private readonly IGrainStateStore _store;
    private readonly IChangeFeed _changes;
    private readonly TimeProvider _time;
    private readonly GrainRuntimeOptions _options;
    private readonly ITimer _collector;

    public GrainRuntime(IGrainActivator activator, IGrainStateStore store, IChangeFeed changes,
        GrainRuntimeOptions options, TimeProvider? time = null)
    {
        (_activator, _store, _changes, _options) = (activator, store, changes, options);
        _time = time ?? TimeProvider.System;
        _collector = _time.CreateTimer(_ => _ = CollectIdleActivationsAsync(), null,
            options.CollectionInterval, options.CollectionInterval);
    }

    public string NodeId => _options.NodeId;

    public int ActivationCount => _activations.Count;

    public TGrain Get<TGrain>(string key) where TGrain : class, IGrain
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return GrainProxy.Create<TGrain>(this, key);
    }

    /// <summary>The name a grain interface's state is stored under: <c>IIndicatorGrain</c> → <c>indicator</c>.</summary>
    public static string GrainTypeName(Type grainInterface)
    {
        var name = grainInterface.Name;
        if (name.StartsWith('I')) name = name[1..];
        if (name.EndsWith("Grain", StringComparison.Ordinal)) name = name[..^"Grain".Length];
        return string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }

    /// <summary>
    /// Marks an activation's state as possibly out of date (another node wrote it), so that its next call reloads
    /// first. Without this a read on this node could show a value another node has since replaced.
    /// </summary>
    public void MarkStale(Type grainInterface, string key)
    {
        if (_activations.TryGetValue((grainInterface, key), out var activation)) activation.Stale = true;
    }

    /// <summary>Marks every activation of <paramref name="grainInterface"/> whose key matches as stale.</summary>
    public void MarkStale(Type grainInterface, Func<string, bool> keyMatches)
    {
        foreach (var ((type, key), activation) in _activations)
            if (type == grainInterface && keyMatches(key)) activation.Stale = true;
    }

    internal async Task<T> RunTurnAsync<T>(Type grainInterface, string key, Func<Grain, Task<T>> call)
    {
        while (true)
        {
            var activation = _activations.GetOrAdd((grainInterface, key), k => new Activation(Create(k.Interface, k.Key)));
            await activation.Gate.WaitAsync();
            try
            {
                // Collected between our lookup and our turn: the next lookup creates a fresh activation.
                if (activation.Deactivated) continue;
                activation.LastUsed = _time.GetTimestamp();
                return await RunCallAsync(activation, call);
            }
            catch when (!activation.Activated)
            {
                // The grain could not start (a key that names no place or indicator, the store out): keep nothing for
                // it, or every made-up key would hold an activation until it had been idle a quarter of an hour.
                activation.Deactivated = true;
                _activations.TryRemove(new KeyValuePair<(Type, string), Activation>((grainInterface, key), activation));
                throw;
            }
            finally
            {
                activation.Gate.Release();
            }
        }
    }

    private async Task<T> RunCallAsync<T>(Activation activation, Func<Grain, Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (activation.Stale)
            {
                await activation.Grain.LoadStateAsync(CancellationToken.None);
                activation.Stale = false;
                // What OnActivateAsync read (an indicator's definition, say) may be as out of date as the state.
                activation.Activated = false;
            }
            if (!activation.Activated)
            {
                await activation.Grain.OnActivateAsync(CancellationToken.None);
                activation.Activated = true;
            }
            try
            {
                return await call(activation.Grain);
            }
            catch (StateVersionConflictException) when (attempt < _options.MaxConflictRetries)
            {
                // Another node wrote first: reload and run the call again on the newer state. A short random
                // pause stops two nodes from colliding in lockstep.
                activation.Stale = true;
                await Task.Delay(Random.Shared.Next(0, Math.Min(attempt, 20)));
            }
            catch
            {
                // The call may have changed state in memory before failing; the store has the truth.
                activation.Stale = true;
                throw;
            }
        }
    }

    private Grain Create(Type grainInterface, string key)
    {
        var grain = _activator.Create(grainInterface);
        grain.Attach(new GrainContext(GrainTypeName(grainInterface), key, this, _store, _changes, _time, _options.NodeId));
        return grain;
    }

    /// <summary>Deactivates activations idle for longer than the configured timeout. Busy ones are left alone.</summary>
    public async Task<int> CollectIdleActivationsAsync()
    {
        var collected = 0;
        foreach (var (id, activation) in _activations)
        {
            if (_time.GetElapsedTime(activation.LastUsed) < _options.IdleTimeout) continue;
            if (!await activation.Gate.WaitAsync(0)) continue;
            try
            {
                if (_time.GetElapsedTime(activation.LastUsed) < _options.IdleTimeout) continue;
                activation.Deactivated = true;
                _activations.TryRemove(new KeyValuePair<(Type, string), Activation>(id, activation));
                if (activation.Activated) await activation.Grain.OnDeactivateAsync(CancellationToken.None);
                collected++;
            }
            finally
            {
                activation.Gate.Release();
            }
        }
        return collected;
    }

    public async ValueTask DisposeAsync()
    {
        await _collector.DisposeAsync();
    }
}

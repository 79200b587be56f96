using System.Collections.Concurrent;

namespace Scrutiny.Silo.Security;

/// <summary>What a read from the store found, and until when a node may believe it without asking again (null: not kept).</summary>
public readonly record struct StoreAnswer<T>(T Value, DateTimeOffset? KeepUntil);

/// <summary>
/// Answers to access checks (a key's holder, a signed-in person) that the store accepted, kept for
/// <see cref="AccessCacheOptions.Lifetime"/> and never past the answer's own limit (a key's expiry), so that a busy key or
/// session costs the store one read a lifetime rather than one a request. A refusal is never kept: it is read every time.
/// Checks of one thing made at once share one read (a hundred dashboards opening their hub connections with one key cost
/// one connection, not a hundred). An eviction made while a read is under way stops that read's answer being kept, since
/// it may be from before the change.
/// </summary>
public class AccessCache<TKey, TValue>(AccessCacheOptions options, TimeProvider time) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Kept> _kept = new();
    private readonly ConcurrentDictionary<TKey, Lazy<Task<StoreAnswer<TValue>>>> _reading = new();
    // Adding and evicting under one lock: an answer read before an eviction must not be added after it.
    private readonly Lock _gate = new();
    private long _evictions;

    /// <summary>How many answers are kept just now.</summary>
    public int Count => _kept.Count;

    /// <param name="read">Reads the store; shared by the checks made while it runs, so it must not stop with one caller's request.</param>
    public async Task<TValue> GetAsync(TKey key, Func<Task<StoreAnswer<TValue>>> read, CancellationToken cancellationToken = default)
    {
        if (_kept.TryGetValue(key, out var kept))
        {
            if (time.GetUtcNow() < kept.Until) return kept.Value;
            _kept.TryRemove(new KeyValuePair<TKey, Kept>(key, kept));
        }
        var evictions = Volatile.Read(ref _evictions);
        var reading = _reading.GetOrAdd(key, _ => new Lazy<Task<StoreAnswer<TValue>>>(read));
        StoreAnswer<TValue> answer;
        try
        {
            answer = await reading.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _reading.TryRemove(new KeyValuePair<TKey, Lazy<Task<StoreAnswer<TValue>>>>(key, reading));
        }
        if (answer.KeepUntil is { } limit && options.LifetimeSeconds > 0) Keep(key, answer.Value, limit, evictions);
        return answer.Value;
    }

    /// <summary>Forgets the answers <paramref name="which"/> picks, and any read under way now.</summary>
    public void Evict(Func<TKey, TValue, bool> which)
    {
        lock (_gate)
        {
            _evictions++;
            foreach (var (key, kept) in _kept)
                if (which(key, kept.Value)) _kept.TryRemove(new KeyValuePair<TKey, Kept>(key, kept));
        }
    }

    private void Keep(TKey key, TValue value, DateTimeOffset limit, long evictionsBeforeRead)
    {
        var now = time.GetUtcNow();
        var until = limit < now + options.Lifetime ? limit : now + options.Lifetime;
        if (until <= now) return;
        lock (_gate)
        {
            if (_evictions != evictionsBeforeRead || !HasRoom(now)) return;
            _kept[key] = new Kept(value, until);
        }
    }

    private bool HasRoom(DateTimeOffset now)
    {
        if (_kept.Count < options.MaxEntries) return true;
        foreach (var (key, kept) in _kept)
            if (kept.Until <= now) _kept.TryRemove(new KeyValuePair<TKey, Kept>(key, kept));
        return _kept.Count < options.MaxEntries;
    }

    private sealed record Kept(TValue Value, DateTimeOffset Until);
}

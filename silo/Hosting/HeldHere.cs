using System.Collections.Concurrent;

namespace Scrutiny.Silo.Hosting;

/// <summary>
/// What this process is working on now, in memory: an Idempotency-Key a request of its own is running, a batch it is
/// applying. The store records which instance holds a key or a batch; a thing recorded as this instance's but not held
/// here was left by work that ended without letting go (the store went away as it tried), and may be taken over as a
/// dead instance's is. Bounded by the work in flight.
/// </summary>
public sealed class HeldHere<T> where T : notnull
{
    private readonly ConcurrentDictionary<T, byte> _held = new();

    /// <summary>Holds <paramref name="item"/> for this process; false while other work of this process holds it.</summary>
    public bool TryHold(T item) => _held.TryAdd(item, 0);

    public bool Holds(T item) => _held.ContainsKey(item);

    public void Release(T item) => _held.TryRemove(item, out _);

    /// <summary>Holds <paramref name="item"/>, which no other work can have yet (a batch just made), until disposed.</summary>
    public IDisposable HoldNew(T item)
    {
        if (!TryHold(item)) throw new InvalidOperationException($"'{item}' is already held.");
        return new Holding(this, item);
    }

    private sealed class Holding(HeldHere<T> held, T item) : IDisposable
    {
        public void Dispose() => held.Release(item);
    }
}

using System.Collections.Concurrent;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;

namespace Scrutiny.Silo.Publication;

/// <summary>
/// This node's copy of the published points readers have asked for, by indicator, place and period, and of each
/// indicator's latest published value in a place. The public's pages read the same few points many times over: a
/// scorecard compares each of 100 indicators with England's value, made from every authority's point, and every
/// scorecard makes the same comparisons; a scorecard's rows are its indicators' latest published values. A copy is kept
/// until this node's change feed (<see cref="ChangeFeed"/>, which tells this copy before any listener) hears that its
/// indicator changed (a return, a publication, a catalogue edit), the feed is restored after this node may have missed
/// changes, or the date moves (a days-after rule publishes at midnight). Published values only: what an entitled reader
/// sees differs reader by reader.
/// </summary>
public sealed class PublishedPoints(TimeProvider time)
{
    /// <summary>Copies kept at most; past it the copy starts again empty (31,700 place–indicators at England's scale).</summary>
    public const int MaxPoints = 100_000;

    private readonly ConcurrentDictionary<string, IndicatorCopies> _byIndicator = new(StringComparer.Ordinal);
    private DateOnly _day;
    private int _count;

    /// <summary>The point, read with <paramref name="read"/> when this node has no copy of it.</summary>
    public Task<SeriesPoint?> GetAsync(string place, string indicator, string period, Func<Task<SeriesPoint?>> read) =>
        Kept(CopiesOf(indicator).Points, (place, period), read);

    /// <summary>The indicator's latest published value in the place, read with <paramref name="read"/> when this node has no copy of it.</summary>
    public Task<IndicatorLatest?> GetLatestAsync(string place, string indicator, Func<Task<IndicatorLatest?>> read) =>
        Kept(CopiesOf(indicator).Latest, place, read);

    /// <summary>
    /// A figure made from the indicator's published values alone (the sum of some places' points), made with
    /// <paramref name="make"/> when this node has no copy of it; <paramref name="key"/> names the figure and everything
    /// it was made from (the period and the places), so that it depends on nothing else. Dropped with the indicator's points.
    /// </summary>
    public async Task<T> GetMadeAsync<T>(string indicator, string key, Func<Task<T>> make) =>
        (T)(await Kept(CopiesOf(indicator).Made, key, async () => (object?)await make()))!;

    private IndicatorCopies CopiesOf(string indicator)
    {
        if (Today() != _day)
        {
            _day = Today();
            Clear();
        }
        if (Volatile.Read(ref _count) >= MaxPoints) Clear();
        return _byIndicator.GetOrAdd(indicator, _ => new());
    }

    private Task<T?> Kept<TKey, T>(ConcurrentDictionary<TKey, Task<T?>> copies, TKey key, Func<Task<T?>> read) where TKey : notnull
    {
        if (copies.TryGetValue(key, out var kept)) return kept;
        var reading = ReadAsync(copies, key, read);
        if (!copies.TryAdd(key, reading)) return copies[key];
        Interlocked.Increment(ref _count);
        return reading;
    }

    // A read that fails is not kept: the next reader tries again.
    private static async Task<T?> ReadAsync<TKey, T>(ConcurrentDictionary<TKey, Task<T?>> copies, TKey key, Func<Task<T?>> read) where TKey : notnull
    {
        await Task.Yield();
        try
        {
            return await read();
        }
        catch
        {
            copies.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>
    /// Drops what <paramref name="change"/> may have moved: every kind that names an indicator (a return, a publication
    /// to all places, a catalogue edit) may move its published values in any place.
    /// </summary>
    public void Forget(Change change)
    {
        if (change.Keys.TryGetValue(ChangeKeys.Indicator, out var indicator)) Forget(indicator);
    }

    /// <summary>Drops every place's copies of <paramref name="indicator"/>.</summary>
    public void Forget(string indicator)
    {
        if (_byIndicator.TryRemove(indicator, out var dropped)) Interlocked.Add(ref _count, -dropped.Count);
    }

    public void Clear()
    {
        _byIndicator.Clear();
        Volatile.Write(ref _count, 0);
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private sealed class IndicatorCopies
    {
        public ConcurrentDictionary<(string Place, string Period), Task<SeriesPoint?>> Points { get; } = new();
        public ConcurrentDictionary<string, Task<IndicatorLatest?>> Latest { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, Task<object?>> Made { get; } = new(StringComparer.Ordinal);
        public int Count => Points.Count + Latest.Count + Made.Count;
    }
}

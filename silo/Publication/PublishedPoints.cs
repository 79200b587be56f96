using System.Collections.Concurrent;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;

namespace Scrutiny.Silo.Publication;

/// <summary>
/// This node's copy of the published points readers have asked for, by indicator, place and period. The public's
/// pages read the same few points many times over: a scorecard compares each of 100 indicators with England's value,
/// made from every authority's point, and every scorecard makes the same comparisons. A point is kept until this node's
/// change feed (<see cref="ChangeFeed"/>, which tells this copy before any listener) hears that its indicator changed (a
/// return, a publication, a catalogue edit), the feed is restored after this node may have missed changes, or the date
/// moves (a days-after rule publishes at midnight). Published points only: what an entitled reader sees differs reader
/// by reader.
/// </summary>
public sealed class PublishedPoints(TimeProvider time)
{
    /// <summary>Points kept at most; past it the copy starts again empty (31,700 place–indicators at England's scale).</summary>
    public const int MaxPoints = 100_000;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<(string Place, string Period), Task<SeriesPoint?>>> _byIndicator =
        new(StringComparer.Ordinal);
    private DateOnly _day;
    private int _count;

    /// <summary>The point, read with <paramref name="read"/> when this node has no copy of it.</summary>
    public Task<SeriesPoint?> GetAsync(string place, string indicator, string period, Func<Task<SeriesPoint?>> read)
    {
        if (Today() != _day)
        {
            _day = Today();
            Clear();
        }
        if (Volatile.Read(ref _count) >= MaxPoints) Clear();
        var points = _byIndicator.GetOrAdd(indicator, _ => new());
        if (points.TryGetValue((place, period), out var kept)) return kept;
        var reading = ReadAsync(points, (place, period), read);
        if (!points.TryAdd((place, period), reading)) return points[(place, period)];
        Interlocked.Increment(ref _count);
        return reading;
    }

    // A read that fails is not kept: the next reader tries again.
    private static async Task<SeriesPoint?> ReadAsync(ConcurrentDictionary<(string, string), Task<SeriesPoint?>> points, (string, string) key,
        Func<Task<SeriesPoint?>> read)
    {
        await Task.Yield();
        try
        {
            return await read();
        }
        catch
        {
            points.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>
    /// Drops what <paramref name="change"/> may have moved: every kind that names an indicator (a return, a publication
    /// to all places, a catalogue edit) may move its published points in any place.
    /// </summary>
    public void Forget(Change change)
    {
        if (change.Keys.TryGetValue(ChangeKeys.Indicator, out var indicator)) Forget(indicator);
    }

    /// <summary>Drops every place's points of <paramref name="indicator"/>.</summary>
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
}

using System.Collections.Concurrent;

namespace Scrutiny.Load;

/// <summary>Durations in milliseconds, collected from many tasks at once, read as nearest-rank percentiles.</summary>
public sealed class Latencies
{
    private readonly ConcurrentBag<double> _milliseconds = [];

    public void Add(double milliseconds) => _milliseconds.Add(milliseconds);

    public void Add(TimeSpan duration) => Add(duration.TotalMilliseconds);

    /// <summary>The <paramref name="percent"/>-th percentile, rounded to 0.1 ms; null with no samples.</summary>
    public double? Percentile(double percent)
    {
        var sorted = _milliseconds.Order().ToArray();
        if (sorted.Length == 0) return null;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 1);
    }

    /// <summary>p50, p95 and p99 under <paramref name="prefix"/> (<c>api_p50_ms</c>…).</summary>
    public IEnumerable<KeyValuePair<string, object?>> Summary(string prefix) =>
    [
        new($"{prefix}_p50_ms", Percentile(50)),
        new($"{prefix}_p95_ms", Percentile(95)),
        new($"{prefix}_p99_ms", Percentile(99)),
    ];
}

using System.Diagnostics;

namespace Scrutiny.Load;

/// <summary>
/// Push latency and missing deliveries: for every accepted message (a return's acknowledgement, or the floor's send) and every
/// watcher of its group, the time from then until the watcher heard of it. A watcher may hear before the sender has read
/// its acknowledgement (the hub sends while the response is on its way): that counts as 0 ms, and is counted apart.
/// </summary>
public sealed class Deliveries
{
    public Latencies Push { get; } = new();
    public int Expected { get; private set; }
    public int Missing { get; private set; }
    public int HeardBeforeAck { get; private set; }

    public static Deliveries Of(IReadOnlyDictionary<string, (string Group, long At)> sent,
        IEnumerable<(string Group, IReadOnlyDictionary<string, long> Heard)> watchers)
    {
        var deliveries = new Deliveries();
        var byGroup = watchers.GroupBy(w => w.Group).ToDictionary(g => g.Key, g => g.Select(w => w.Heard).ToList());
        foreach (var (key, (group, at)) in sent)
            foreach (var heard in byGroup.GetValueOrDefault(group) ?? [])
            {
                deliveries.Expected++;
                if (!heard.TryGetValue(key, out var when)) { deliveries.Missing++; continue; }
                if (when < at) deliveries.HeardBeforeAck++;
                deliveries.Push.Add(Math.Max(0, Stopwatch.GetElapsedTime(at, when).TotalMilliseconds));
            }
        return deliveries;
    }

    /// <summary>Whether every watcher has heard of every message.</summary>
    public static bool Complete(IReadOnlyDictionary<string, (string Group, long At)> sent,
        IEnumerable<(string Group, IReadOnlyDictionary<string, long> Heard)> watchers) =>
        watchers.All(w => sent.Where(s => s.Value.Group == w.Group).All(s => w.Heard.ContainsKey(s.Key)));
}

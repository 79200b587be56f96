namespace Scrutiny.Load;

/// <summary>
/// CPU time used so far, from Linux's <c>/proc</c>: the product's threads by what they do (the runtime names its
/// background compiler's and its collector's threads) and every PostgreSQL process on the machine. Two readings around
/// a scenario say where the machine's two cores went: the store's work against the node's, and of the node's how much
/// was the runtime compiling or collecting rather than the product running; and this tool's own (the clients), which
/// takes the same cores. Zero where <c>/proc</c> is not there.
/// </summary>
public sealed record CpuTimes(double Node, double NodeCompiler, double NodeCollector, double Store, double Client)
{
    // The kernel counts in clock ticks, 100 a second on every Linux this runs on (USER_HZ).
    private const double TicksPerSecond = 100;

    public static CpuTimes Read(int nodeProcessId)
    {
        double compiler = 0, collector = 0, store = 0;
        // The node's whole process, not the sum of its threads now: a thread that ended between two readings (the
        // runtime retires idle thread-pool threads) would take its time out of the difference.
        var node = Stat($"/proc/{nodeProcessId}/stat") is { } process ? process.Seconds : 0;
        foreach (var (name, seconds, _) in CpuByName($"/proc/{nodeProcessId}/task"))
        {
            if (name.StartsWith(".NET Tiered", StringComparison.Ordinal)) compiler += seconds;
            else if (name.StartsWith(".NET Server GC", StringComparison.Ordinal) || name.StartsWith(".NET BGC", StringComparison.Ordinal)
                     || name.StartsWith(".NET GC", StringComparison.Ordinal)) collector += seconds;
        }
        // Each server process's own time and, for the postmaster, that of the backends that have ended (a connection
        // closed between two readings would otherwise take its time out of the difference).
        foreach (var (name, seconds, ended) in CpuByName("/proc"))
            if (name == "postgres") store += seconds + ended;
        return new CpuTimes(node, compiler, collector, store, Environment.CpuUsage.TotalTime.TotalSeconds);
    }

    public static CpuTimes operator -(CpuTimes after, CpuTimes before) =>
        new(after.Node - before.Node, after.NodeCompiler - before.NodeCompiler, after.NodeCollector - before.NodeCollector, after.Store - before.Store,
            after.Client - before.Client);

    /// <summary>
    /// The figures under <paramref name="prefix"/>, in CPU seconds, and the store's share of the two; the store's only
    /// when it is a server of its own (<paramref name="storeApart"/>): SQLite works inside the node, its CPU in the node's.
    /// </summary>
    public IEnumerable<KeyValuePair<string, object?>> Summary(string prefix, bool storeApart) =>
    [
        new($"{prefix}_node_cpu_s", Math.Round(Node, 2)),
        new($"{prefix}_node_compiler_cpu_s", Math.Round(NodeCompiler, 2)),
        new($"{prefix}_node_collector_cpu_s", Math.Round(NodeCollector, 2)),
        new($"{prefix}_client_cpu_s", Math.Round(Client, 2)),
        .. storeApart
            ? (KeyValuePair<string, object?>[])[
                new($"{prefix}_store_cpu_s", Math.Round(Store, 2)),
                new($"{prefix}_store_cpu_share", Node + Store > 0 ? Math.Round(Store / (Node + Store), 3) : null)]
            : [],
    ];

    /// <summary>
    /// Each numbered entry of <paramref name="folder"/> (threads of a process, or processes): its name, its CPU seconds and
    /// those of its children that have ended.
    /// </summary>
    private static IEnumerable<(string Name, double Seconds, double EndedChildren)> CpuByName(string folder)
    {
        if (!Directory.Exists(folder)) yield break;
        foreach (var entry in Directory.EnumerateDirectories(folder))
        {
            if (!int.TryParse(Path.GetFileName(entry), out _)) continue;
            if (Stat(Path.Combine(entry, "stat")) is { } stat) yield return stat;
        }
    }

    /// <summary>One <c>stat</c> file's name, CPU seconds and ended children's CPU seconds; null if it is gone or unreadable.</summary>
    private static (string Name, double Seconds, double EndedChildren)? Stat(string path)
    {
        string stat;
        try { stat = File.ReadAllText(path); }
        catch (IOException) { return null; } // ended since it was listed
        catch (UnauthorizedAccessException) { return null; }
        // "pid (name) state ppid …": the name may hold spaces and parentheses, so it runs to the last ')'.
        var (open, close) = (stat.IndexOf('('), stat.LastIndexOf(')'));
        if (open < 0 || close < open) return null;
        var fields = stat[(close + 2)..].Split(' ');
        // After the name: state is field 3 of stat(5), utime 14, stime 15, cutime 16 and cstime 17.
        return fields.Length > 14 && long.TryParse(fields[11], out var user) && long.TryParse(fields[12], out var system)
            && long.TryParse(fields[13], out var childrenUser) && long.TryParse(fields[14], out var childrenSystem)
            ? (stat[(open + 1)..close], (user + system) / TicksPerSecond, (childrenUser + childrenSystem) / TicksPerSecond)
            : null;
    }
}

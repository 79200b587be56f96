using Orleans.Configuration;

namespace Scrutiny.Silo.Cluster;

/// <summary>
/// How quickly a cluster gives up on a node that stopped answering, so that its grains come back on another node within
/// 10 seconds (docs/benchmarks.md has the measured figure). Orleans' defaults take 15 s and more (three missed probes of
/// 5 s each); here a probe times out after 1.5 s. A false alarm costs more than a slow one (a node declared dead stops
/// itself), so each node is still probed three times, indirectly through another node as well, and the timeout still
/// stretches while the prober itself is short of CPU.
/// </summary>
public static class FailoverTimings
{
    public static void Apply(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1.5);
        options.NumMissedProbesLimit = 3;
        // Two votes (Orleans' default) with three nodes: both survivors must agree that the third is gone.
        options.NumVotesForDeathDeclaration = 2;
        // The table is read again often enough that a node which missed the gossip learns of a death within seconds.
        options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }
}

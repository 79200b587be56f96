namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// What makes a dashboard app in this process one node of a cluster over the store's membership (PostgreSQL): the
/// provider, its silo reachable on the loopback address, and a node name of its own (a start supersedes earlier
/// instances of its own name).
/// </summary>
public static class ClusterNode
{
    public static Dictionary<string, string?> Settings(string name) => new()
    {
        ["Scrutiny:Cluster:Provider"] = "PostgreSql",
        ["Scrutiny:Cluster:AdvertisedAddress"] = "127.0.0.1",
        ["Scrutiny:Silo:NodeName"] = $"{name}-{Guid.NewGuid():N}",
    };
}

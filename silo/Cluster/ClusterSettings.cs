namespace Scrutiny.Silo.Cluster;

/// <summary>Settings under <c>Scrutiny:Cluster</c>: which cluster this node's silo joins, through what, and where it listens.</summary>
public sealed class ClusterSettings
{
    public const string Section = "Scrutiny:Cluster";

    /// <summary>Where the cluster's membership and reminders are kept (<see cref="ClusterProvider"/>).</summary>
    public ClusterProvider Provider { get; set; } = ClusterProvider.Localhost;

    /// <summary>
    /// The address other silos reach this one at (an IP address). Empty: the loopback address on
    /// <see cref="ClusterProvider.Localhost"/>, otherwise this machine's first non-loopback IPv4 address; in a container or a
    /// pod, pass the pod's IP.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Silo-to-silo port. 0: any free port (tests running many nodes in one process).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients outside the process connect to. 0: any free port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Names the cluster; nodes of one deployment share it.</summary>
    public string ClusterId { get; set; } = "scrutiny";

    /// <summary>Names the service across deployments.</summary>
    public string ServiceId { get; set; } = "scrutiny";

    /// <summary>
    /// Entries in the grain directory's cache (where remote activations live). Orleans' default, a million, allocates
    /// about 9 MB a cache up front and a silo has two; a node's working set of remote grains is far smaller.
    /// </summary>
    public int DirectoryCacheSize { get; set; } = 100_000;

    internal static int Resolve(int port) => port != 0 ? port : FreePorts.Next();
}

using System.Net;
using System.Net.Sockets;

namespace Scrutiny.Silo.Hosting;

/// <summary>Settings under <c>Scrutiny:Orleans</c>: where this node's silo listens and which cluster it joins.</summary>
public sealed class OrleansOptions
{
    public const string Section = "Scrutiny:Orleans";

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

    internal static int Resolve(int port)
    {
        if (port != 0) return port;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

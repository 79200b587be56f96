using System.Net;
using System.Net.Sockets;

namespace Scrutiny.Cluster.Tests.Infrastructure;

public static class FreePort
{
    /// <summary>A loopback port free just now. A node keeps its ports across restarts, as a machine's node does.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Scrutiny.Silo.Cluster;

/// <summary>Ports for listeners bound a moment after they are chosen: a silo's, a gateway's, a test node's.</summary>
public static class FreePorts
{
    // Below the ephemeral range (32768 and up on Linux, 49152 and up on Windows) the kernel hands to outgoing
    // connections: a port taken from that range is free when chosen, and may be the next connection's to PostgreSQL
    // before Orleans binds it (an AddressInUse seen in CI with port 0).
    private const int First = 20_000;
    private const int Last = 32_000;

    private static readonly ConcurrentDictionary<int, bool> Handed = new();

    /// <summary>A port nothing listens on now, never handed out before in this process.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            if (Handed.TryAdd(port, true) && IsFree(port)) return port;
        }
        throw new InvalidOperationException($"No free port between {First} and {Last} after 1000 tries.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

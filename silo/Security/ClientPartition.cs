using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Security;

/// <summary>
/// The client a per-address budget is kept for: an IPv4 address, or an IPv6 address's /64 (the block one household or
/// one host is given), so that a client with a block of its own cannot make a budget, and a limiter to hold it, for
/// each of its 2^64 addresses.
/// </summary>
public static class ClientPartition
{
    private const int Ipv6PrefixBytes = 8;

    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[Ipv6PrefixBytes..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}

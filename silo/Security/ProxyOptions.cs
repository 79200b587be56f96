using System.Net;

namespace Scrutiny.Silo.Security;

/// <summary>
/// Settings under <c>Scrutiny:Proxy</c>: the reverse proxies (or load balancers) in front of the node whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Empty, the default: the node is reached
/// directly and those headers are ignored, since any client can send them.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Scrutiny:Proxy";

    /// <summary>Proxies by address, such as <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxies by network in CIDR notation, such as <c>10.0.0.0/24</c> (a pool of load balancers).</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool IsBehindProxy => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    /// <summary>The proxies' addresses; a setting that is not an address stops the node at start-up, naming it.</summary>
    public IReadOnlyList<IPAddress> ProxyAddresses() =>
        [.. KnownProxies.Select((text, i) => IPAddress.TryParse(text.Trim(), out var address) ? address
            : throw new InvalidOperationException($"{Section}:{nameof(KnownProxies)}:{i} is not an IP address: '{text}'."))];

    public IReadOnlyList<IPNetwork> ProxyNetworks() =>
        [.. KnownNetworks.Select((text, i) => IPNetwork.TryParse(text.Trim(), out var network) ? network
            : throw new InvalidOperationException($"{Section}:{nameof(KnownNetworks)}:{i} is not a network such as 10.0.0.0/24: '{text}'."))];
}

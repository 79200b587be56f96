using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace Scrutiny.Silo.Security;

/// <summary>
/// Behind a known proxy, the client's address and scheme come from <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>, so that per-address rate limits, the audit's source, HSTS and secure cookies see the
/// client rather than the proxy. Only the proxies named in <see cref="ProxyOptions"/> are believed (ASP.NET Core's
/// own default believes loopback, which here would let anything on the host choose its address), and only their last
/// hop (<c>ForwardLimit</c> 1): what the client itself put further left in the header is not read.
/// </summary>
public static class ProxyHeaders
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, ProxyOptions options)
    {
        // Read now, so that a mistyped address stops the node at start-up rather than at its first request.
        var proxies = options.ProxyAddresses();
        var networks = options.ProxyNetworks();
        services.AddSingleton(options);
        return services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) forwarded.KnownProxies.Add(proxy);
            foreach (var network in networks) forwarded.KnownIPNetworks.Add(network);
        });
    }

    /// <summary>First in the pipeline, before anything reads the address or scheme; nothing at all without a known proxy.</summary>
    public static IApplicationBuilder UseProxyHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<ProxyOptions>().IsBehindProxy ? app.UseForwardedHeaders() : app;
}

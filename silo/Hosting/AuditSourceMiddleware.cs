using Microsoft.AspNetCore.Builder;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Hosting;

/// <summary>
/// Makes the caller's IP address the audit source of everything a request changes. The address is the connection's:
/// X-Forwarded-For is believed only from the proxies named in <c>Scrutiny:Proxy</c> (<see cref="Security.ProxyHeaders"/>,
/// which runs before this), since any client can send the header.
/// </summary>
public static class AuditSourceMiddleware
{
    public static IApplicationBuilder UseAuditSource(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var address = context.Connection.RemoteIpAddress;
            // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d; the audit shows a.b.c.d.
            var source = address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
            using (AuditSource.Use(source)) await next(context);
        });
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Security;

public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>
    /// Where a key may also come as <c>?access_token=</c>: the hub, since browsers cannot send headers on a
    /// WebSocket and SignalR clients send the token that way. Nowhere else, so that keys stay out of ordinary URLs.
    /// </summary>
    public PathString? QueryTokenPath { get; set; }
}

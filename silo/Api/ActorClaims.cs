using System.Security.Claims;

namespace Scrutiny.Silo.Api;

public static class ActorClaims
{
    /// <summary>Who the audit says made a change: the API key's id (<c>api-key:…</c>), never the key itself.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authenticated caller has no key id.");
}

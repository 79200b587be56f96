using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scrutiny.Silo.Security;

/// <summary>Reads <c>Authorization: ApiKey &lt;key&gt;</c> and signs the request in as the key's agency or as an administrator.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(ScrutinyAuth.ApiKeyScheme + " ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var holder = await keys.FindAsync(header[(ScrutinyAuth.ApiKeyScheme.Length + 1)..].Trim(), Context.RequestAborted);
        if (holder is null) return AuthenticateResult.Fail("The API key is unknown or revoked.");

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, $"api-key:{holder.KeyId}") };
        if (holder.AgencyCode is not null) claims.Add(new Claim(ScrutinyAuth.AgencyClaim, holder.AgencyCode));
        if (holder.IsAdmin) claims.Add(new Claim(ClaimTypes.Role, ScrutinyAuth.AdminRole));
        var identity = new ClaimsIdentity(claims, ScrutinyAuth.ApiKeyScheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ScrutinyAuth.ApiKeyScheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = ScrutinyAuth.ApiKeyScheme;
        return Task.CompletedTask;
    }
}

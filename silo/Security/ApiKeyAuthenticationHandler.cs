using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scrutiny.Silo.Security;

/// <summary>
/// Signs a request in as an API key's agency or as an administrator. The key comes as <c>Authorization: ApiKey …</c>,
/// as <c>Authorization: Bearer scr_…</c> (what SignalR's <c>accessTokenFactory</c> sends), or, on the hub's path
/// only, as <c>?access_token=scr_…</c> (what it sends on a WebSocket).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys, FailedKeyBudget failures)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    public const string AccessTokenParameter = "access_token";

    private const string Bearer = "Bearer ";

    /// <summary>Why the presented key was refused, for the challenge to say (expired, revoked) and the hub's policy to see.</summary>
    public static ApiKeyRefusal? RefusalOf(HttpContext context) => context.Items[RefusalItem] as ApiKeyRefusal?;

    /// <summary>
    /// Whether the request presented a key and it was not taken: refused, or not checked because the client has spent
    /// its budget of refused keys. Such a request is never read as one without a key.
    /// </summary>
    public static bool KeyNotTaken(HttpContext context) => RefusalOf(context) is not null || context.Items[RetryAfterItem] is TimeSpan;

    private static readonly object RefusalItem = new();
    private static readonly object RetryAfterItem = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey() is not { } presented) return AuthenticateResult.NoResult();
        // A client that has had too many keys refused is not told whether this one is good.
        if (failures.SpentFor(Context) is { } retryAfter)
        {
            Context.Items[RetryAfterItem] = retryAfter;
            return AuthenticateResult.Fail("Too many refused API keys from this client.");
        }
        var check = await keys.CheckAsync(presented, Context.RequestAborted);
        if (check.Holder is not { } holder)
        {
            failures.Spend(Context);
            Context.Items[RefusalItem] = check.Refusal;
            return AuthenticateResult.Fail($"The API key is refused ({check.Refusal}).");
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, $"api-key:{holder.KeyId}") };
        if (holder.AgencyCode is not null) claims.Add(new Claim(ScrutinyAuth.AgencyClaim, holder.AgencyCode));
        if (holder.IsAdmin) claims.Add(new Claim(ClaimTypes.Role, ScrutinyAuth.AdminRole));
        var identity = new ClaimsIdentity(claims, ScrutinyAuth.ApiKeyScheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ScrutinyAuth.ApiKeyScheme));
    }

    private string? PresentedKey()
    {
        string? header = Request.Headers.Authorization;
        if (header is not null && header.StartsWith(ScrutinyAuth.ApiKeyScheme + " ", StringComparison.OrdinalIgnoreCase))
            return header[(ScrutinyAuth.ApiKeyScheme.Length + 1)..].Trim();
        // Only a bearer token that is one of ours: an identity provider's token on the same header is not a key.
        if (header is not null && header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            && header[Bearer.Length..].Trim() is { } token && token.StartsWith("scr_", StringComparison.Ordinal))
            return token;
        if (OptionsMonitor.Get(Scheme.Name).QueryTokenPath is { } path && Request.Path.StartsWithSegments(path)
            && Request.Query[AccessTokenParameter].ToString() is { Length: > 0 } fromQuery)
            return fromQuery;
        return null;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[RetryAfterItem] is TimeSpan retryAfter)
        {
            FailedKeyBudget.Refuse(Response, retryAfter);
            return;
        }
        Response.Headers.WWWAuthenticate = ScrutinyAuth.ApiKeyScheme;
        // Expired and revoked are said, since the holder of the whole key can act on it (ask for a new one); an
        // unknown key gets nothing that would help someone guessing.
        var detail = RefusalOf(Context) switch
        {
            ApiKeyRefusal.Expired => "The API key has expired. Ask an administrator for a new key.",
            ApiKeyRefusal.Revoked => "The API key has been revoked. Ask an administrator for a new key.",
            _ => null,
        };
        if (detail is null)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        await Results.Problem(title: "Unauthorized.", detail: detail, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }
}

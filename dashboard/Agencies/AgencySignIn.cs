using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Security;

namespace Scrutiny.Dashboard.Agencies;

/// <summary>
/// How people sign in to the dashboard: with their email and password (<see cref="PasswordSignIn"/>), or by pasting an
/// API key; either buys the same authentication cookie. A person's cookie carries their roles as claims
/// (<see cref="PersonClaims"/>) and is checked against the store on each request, so that a disabled person or a
/// removed role takes effect at once.
/// <para>
/// The seam for an organisation's identity provider is <see cref="AddAgencySignIn"/>: an OpenID Connect handler goes
/// beside the cookie (<c>AddOpenIdConnect(..., o =&gt; o.SignInScheme = CookieScheme)</c>), and its
/// <c>OnTokenValidated</c> event asks <see cref="IExternalSignIn"/> for the person with the verified email and
/// replaces the principal with <see cref="PersonPrincipal"/>. The pages only ever ask for <see cref="Policy"/>,
/// <see cref="AdminPolicy"/> or <see cref="SignedInPolicy"/>.
/// </para>
/// </summary>
public static class AgencySignIn
{
    public const string CookieScheme = "AgencyCookie";

    /// <summary>Agency pages: a person signed in to the dashboard for an agency.</summary>
    public const string Policy = "agency-pages";

    /// <summary>Administration pages: a person signed in to the dashboard with an administrator's key.</summary>
    public const string AdminPolicy = "admin-pages";

    /// <summary>Pages for anyone signed in, an agency's staff or an administrator; the page decides the rest
    /// (a place's indicator settings: an administrator or a partner of the place).</summary>
    public const string SignedInPolicy = "signed-in-pages";

    /// <summary>The API key the person signed in with, by id (never the key): kept with what they submit.</summary>
    public const string KeyIdClaim = "scrutiny:key-id";

    public const string SignInPath = "/sign-in";
    public const string SignOutPath = "/sign-out";

    /// <summary>Where a signed-in person is sent for a page their session may not open (an agency's, an administrator's).</summary>
    public const string AccessDeniedPath = "/access-denied";

    /// <summary>What the header calls a person signed in with an administrator's key.</summary>
    public const string AdministratorName = "Administrator";

    /// <summary>How long a session lasts without a request; each request within it starts the time again.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static IServiceCollection AddAgencySignIn(this IServiceCollection services)
    {
        // AddAuthentication() without a default keeps ScrutinyAuth's default (the API key) for the API.
        services.AddAuthentication().AddCookie(CookieScheme, options =>
        {
            options.Cookie.Name = "scrutiny-agency";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = SessionLifetime;
            options.SlidingExpiration = true;
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.ReturnUrlParameter = "returnUrl";
            options.Events.OnValidatePrincipal = ValidatePersonAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(CookieScheme).RequireClaim(ScrutinyAuth.AgencyClaim))
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(CookieScheme).RequireRole(ScrutinyAuth.AdminRole))
            .AddPolicy(SignedInPolicy, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>
    /// On page requests, the signed-in person (if any) becomes the request's user, so that every page (the header
    /// shows who is signed in) and every form's antiforgery token see the same user. The API, hub and health
    /// paths keep the API key scheme alone.
    /// </summary>
    public static IApplicationBuilder UseAgencyUser(this IApplicationBuilder app, Func<PathString, bool> isPageRequest) =>
        app.Use(async (context, next) =>
        {
            if (isPageRequest(context.Request.Path) && context.User.Identity?.IsAuthenticated != true
                && await context.AuthenticateAsync(CookieScheme) is { Succeeded: true } result)
                context.User = result.Principal;
            await next(context);
        });

    /// <summary>Where <see cref="UseHubPerson"/> leaves the person: read it with <see cref="HubPerson"/>.</summary>
    public const string HubPersonItem = "scrutiny:hub-person";

    /// <summary>
    /// The hub's requests keep the API key as their user (its policy reads keys only), but a signed-in person's
    /// watchers may be entitled to more: their cookie is read here, on every request to the hub, before a WebSocket
    /// upgrade leaves no response to renew it on, and left for the hub in the request's items (<see cref="HubPerson"/>).
    /// </summary>
    public static IApplicationBuilder UseHubPerson(this IApplicationBuilder app, PathString hubPath) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(hubPath) && context.User.Identity?.IsAuthenticated != true
                && await context.AuthenticateAsync(CookieScheme) is { Succeeded: true } result)
                context.Items[HubPersonItem] = result.Principal;
            await next(context);
        });

    /// <summary>
    /// The signed-in person <see cref="UseHubPerson"/> found on the request that opened a hub connection, if any. That
    /// request is the connection's own on WebSockets and server-sent events; on long polling the connection keeps a copy
    /// of its first poll, whose items are a plain dictionary (a missing person must be asked for, not indexed). The
    /// hub reads it once, as the connection opens: later polls are requests of their own and change nothing.
    /// </summary>
    public static ClaimsPrincipal? HubPerson(HttpContext? connectionContext) =>
        connectionContext is not null && connectionContext.Items.TryGetValue(HubPersonItem, out var person) ? person as ClaimsPrincipal : null;

    /// <summary>
    /// A person's session follows the store: disabled, or gone, or begun with a password since changed or reset (its
    /// security stamp is not the person's), ends it; a changed role or name is taken up. The person is read from the
    /// store at most once per <see cref="AccessCacheOptions.Lifetime"/> on each node (<see cref="PersonCache"/>), and again
    /// at once after any such change, which every node hears of (<see cref="AccessRevocations"/>). Only the store's word
    /// ends or changes a session: one that disagrees with what the node kept is checked against the store first. Sessions
    /// by API key are left alone (a revoked key's session ends with the cookie, as before).
    /// </summary>
    private static async Task ValidatePersonAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null || !Person.TryParseActor(context.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var personId)) return;
        var services = context.HttpContext.RequestServices;
        var (cache, people) = (services.GetRequiredService<PersonCache>(), services.GetRequiredService<PeopleStore>());
        var cancellationToken = context.HttpContext.RequestAborted;
        var person = await cache.FindEnabledAsync(personId, people, cancellationToken);
        if (person is not null && !(PersonClaims.StampMatches(context.Principal, person) && PersonClaims.Match(context.Principal, person)))
        {
            // Kept from before a change this node may not have heard of yet (a password changed on another node).
            cache.EvictPerson(personId);
            person = await cache.FindEnabledAsync(personId, people, cancellationToken);
        }
        if (person is null || !PersonClaims.StampMatches(context.Principal, person))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
        else if (!PersonClaims.Match(context.Principal, person))
        {
            context.ReplacePrincipal(PersonPrincipal(person));
            context.ShouldRenew = true;
        }
    }

    /// <summary>A person's cookie: who they are and their roles (<see cref="PersonClaims"/>); never the password.</summary>
    public static ClaimsPrincipal PersonPrincipal(Person person) => new(new ClaimsIdentity(PersonClaims.For(person), CookieScheme));

    /// <param name="next">Where the browser goes now (made safe already), or null to stay on the page.</param>
    public static Task SignInPersonAsync(HttpContext context, Person person, string? next) =>
        context.SignInAsync(CookieScheme, PersonPrincipal(person), Session(next));

    /// <summary>The cookie's contents: the agency, its name for the header, and the key's id (not the key).</summary>
    public static ClaimsPrincipal Principal(ApiKeyHolder holder, string agencyName) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, $"dashboard:{holder.KeyId}"),
                new Claim(ClaimTypes.Name, agencyName),
                new Claim(ScrutinyAuth.AgencyClaim, holder.AgencyCode!),
                new Claim(KeyIdClaim, holder.KeyId),
            ], CookieScheme));

    /// <summary>
    /// An administrator's cookie: the role and the key's id, and no agency, so that agency pages stay closed to it
    /// (an administrator submits nothing for an agency).
    /// </summary>
    public static ClaimsPrincipal AdministratorPrincipal(ApiKeyHolder holder) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, $"dashboard:{holder.KeyId}"),
                new Claim(ClaimTypes.Name, AdministratorName),
                new Claim(ClaimTypes.Role, ScrutinyAuth.AdminRole),
                new Claim(KeyIdClaim, holder.KeyId),
            ], CookieScheme));

    public static Task SignInAsync(HttpContext context, ApiKeyHolder holder, string agencyName, string next) =>
        context.SignInAsync(CookieScheme, Principal(holder, agencyName), Session(next));

    public static Task SignInAdministratorAsync(HttpContext context, ApiKeyHolder holder, string next) =>
        context.SignInAsync(CookieScheme, AdministratorPrincipal(holder), Session(next));

    // A session for the browser alone, and where to go next. Said here because, on the sign-in page, the cookie
    // handler itself redirects as it signs in: without a RedirectUri it sends the raw ?returnUrl= as the Location,
    // and one that is not ASCII makes Kestrel throw (a 500, and no session). next is already made safe and encoded;
    // with none, the handler redirects nowhere (off the sign-in page).
    private static AuthenticationProperties Session(string? next) => new() { IsPersistent = false, RedirectUri = next };

    /// <summary>
    /// Who a submission or an administrator's change made in the dashboard is recorded as: the person
    /// (<c>person:{id}</c>), or the key's id for a session bought with an API key, never the key.
    /// </summary>
    public static string SubmittedBy(this ClaimsPrincipal user) =>
        user.FindFirstValue(KeyIdClaim) is { } keyId ? $"dashboard:{keyId}" : user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>Whether the session is a person's (email and password), not one bought with an API key.</summary>
    public static bool IsPerson(this ClaimsPrincipal user) => Person.TryParseActor(user.FindFirstValue(ClaimTypes.NameIdentifier), out _);

    /// <summary>
    /// A return address that stays on this site: a local path (see <see cref="LocalReturnUrl"/>), or
    /// <paramref name="home"/> (the agency home by default).
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl, string home = AgencyPaths.Home) => LocalReturnUrl.From(returnUrl) ?? home;
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Scrutiny.Silo.Security;

namespace Scrutiny.Dashboard.Agencies;

/// <summary>
/// How agencies' staff and administrators sign in to the dashboard: today by pasting an API key, which buys an
/// authentication cookie. No user accounts exist yet. This class is the seam: when people sign in through an
/// identity provider (OIDC), <see cref="AddAgencySignIn"/> adds that scheme instead and maps its claims to
/// <see cref="ScrutinyAuth.AgencyClaim"/> or the <see cref="ScrutinyAuth.AdminRole"/> role; the pages only ever ask
/// for <see cref="Policy"/> or <see cref="AdminPolicy"/>.
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

    public static Task SignInAsync(HttpContext context, ApiKeyHolder holder, string agencyName) =>
        context.SignInAsync(CookieScheme, Principal(holder, agencyName), new AuthenticationProperties { IsPersistent = false });

    public static Task SignInAdministratorAsync(HttpContext context, ApiKeyHolder holder) =>
        context.SignInAsync(CookieScheme, AdministratorPrincipal(holder), new AuthenticationProperties { IsPersistent = false });

    /// <summary>Who a submission or an administrator's change made in the dashboard is recorded as: the key's id, never the key.</summary>
    public static string SubmittedBy(this ClaimsPrincipal user) => $"dashboard:{user.FindFirstValue(KeyIdClaim)}";

    /// <summary>A return address that stays on this site: a local path, or <paramref name="home"/> (the agency home by default).</summary>
    public static string SafeReturnUrl(string? returnUrl, string home = AgencyPaths.Home) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : home;
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Scrutiny.Silo.Security;

/// <summary>Authentication scheme, claims and policies. Every endpoint names one of these policies or is marked public.</summary>
public static class ScrutinyAuth
{
    public const string ApiKeyScheme = "ApiKey";
    public const string AgencyClaim = "scrutiny:agency";
    public const string AdminRole = "admin";

    /// <summary>A board member's board, by id: one claim per board a person sits on.</summary>
    public const string BoardClaim = "scrutiny:board";

    /// <summary>A scrutiny member's committee: one claim per committee a person sits on.</summary>
    public const string CommitteeClaim = "scrutiny:committee";

    /// <summary>An agency's API key: may submit returns for that agency.</summary>
    public const string AgencyPolicy = "agency";

    /// <summary>An administrator's API key: may manage the catalogue and agencies.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Any valid API key, an agency's or an administrator's: may read places, indicators and series.</summary>
    public const string AnyKeyPolicy = "any-key";

    /// <summary>Anyone, with no key or a good one: a key that is presented and refused (unknown, expired, revoked) gets 401.</summary>
    public const string NoBadKeyPolicy = "no-bad-key";

    public static IServiceCollection AddScrutinyAuth(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyScheme)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyScheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AgencyPolicy, p => p.AddAuthenticationSchemes(ApiKeyScheme).RequireClaim(AgencyClaim))
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(ApiKeyScheme).RequireRole(AdminRole))
            .AddPolicy(AnyKeyPolicy, p => p.AddAuthenticationSchemes(ApiKeyScheme).RequireAuthenticatedUser())
            .AddPolicy(NoBadKeyPolicy, p => p.AddAuthenticationSchemes(ApiKeyScheme).AddRequirements(new NoRefusedKeyRequirement()))
            // An endpoint that forgets to say who may call it is closed, not open.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationHandler, NoRefusedKeyRequirement.Handler>();
        return services;
    }

    public static string? AgencyCode(this ClaimsPrincipal user) => user.FindFirstValue(AgencyClaim);

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(AdminRole);
}

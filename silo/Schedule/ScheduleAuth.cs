using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Schedule;

/// <summary>
/// The schedule endpoints' policy beside <see cref="ScrutinyAuth"/>'s: the "{code}" agency itself or an administrator.
/// </summary>
public static class ScheduleAuth
{
    /// <summary>The key of the agency named by the route's <c>{code}</c>, or an administrator's key.</summary>
    public const string OwnAgencyOrAdminPolicy = "own-agency-or-admin";

    public static IServiceCollection AddScheduleAuth(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, OwnAgencyOrAdminHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(OwnAgencyOrAdminPolicy, p => p.AddAuthenticationSchemes(ScrutinyAuth.ApiKeyScheme)
                .AddRequirements(new OwnAgencyOrAdminRequirement()));
        return services;
    }

    /// <summary>The one agency whose returns <paramref name="user"/> may see, or null for an administrator (all of them).</summary>
    public static string? VisibleAgency(this ClaimsPrincipal user) => user.IsAdministrator() ? null : user.AgencyCode();

    private sealed class OwnAgencyOrAdminRequirement : IAuthorizationRequirement;

    // Endpoint routing hands the HttpContext to handlers as the resource, so the route value is there to compare.
    private sealed class OwnAgencyOrAdminHandler : AuthorizationHandler<OwnAgencyOrAdminRequirement, HttpContext>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnAgencyOrAdminRequirement requirement,
            HttpContext resource)
        {
            if (context.User.IsAdministrator() ||
                (context.User.AgencyCode() is { } agency && resource.GetRouteValue("code") is string code && agency == code))
                context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}

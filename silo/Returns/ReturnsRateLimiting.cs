using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Returns;

/// <summary>A per-key budget on the returns endpoint, so one agency's runaway script cannot starve the rest.</summary>
public static class ReturnsRateLimiting
{
    // Refused as every budget is (429, Retry-After, problem+json): ScrutinyRateLimits answers for all of them.
    private static readonly CallerBudget Budget = new("returns", services => services.GetRequiredService<ReturnsOptions>().RequestsPerMinute);

    public static RouteHandlerBuilder RequireReturnsBudget(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(Budget);
}

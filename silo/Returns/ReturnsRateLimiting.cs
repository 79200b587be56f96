using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Scrutiny.Silo.Returns;

/// <summary>A per-key fixed window on the returns endpoint, so one agency's runaway script cannot starve the rest.</summary>
public static class ReturnsRateLimiting
{
    public const string Policy = "returns-per-key";

    public static IServiceCollection AddReturnsRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            // Refused as every budget is (429, Retry-After, problem+json): ScrutinyRateLimits answers for all of them.
            limiter.AddPolicy(Policy, context =>
            {
                var options = context.RequestServices.GetRequiredService<ReturnsOptions>();
                var key = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
}

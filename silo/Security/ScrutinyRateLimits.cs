using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Scrutiny.Silo.Security;

/// <summary>
/// The budgets every request falls under, whatever endpoint it reaches (so a new endpoint cannot forget one): API
/// reads per API key, and everything else (pages, CSV exports, live catch-up, the hub's connections) per signed-in
/// person or, for anyone not signed in, per client address (<see cref="ClientPartition"/>). Endpoints may add budgets
/// of their own on top, as the returns API does per key; refused API keys have theirs (<see cref="FailedKeyBudget"/>).
/// Health probes are never held back.
/// </summary>
public static class ScrutinyRateLimits
{
    public static IServiceCollection AddScrutinyRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<FailedKeyBudget>();
        services.AddSingleton<ResidentSubmissionBudget>();
        return services.AddRateLimiter(limiter =>
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options)));
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options)
    {
        var request = context.Request;
        // The problem page that a refused page request is re-executed to must not be refused in turn.
        if (request.Path.StartsWithSegments("/health") || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            return RateLimitPartition.GetNoLimiter(string.Empty);
        var user = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (request.Path.StartsWithSegments("/api"))
            // Without a key the API answers 401 before any budget is spent; writes have the budgets their endpoints name.
            return user is not null && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                ? PerMinute($"api-read:{user}", options.ApiReadsPerMinute)
                : RateLimitPartition.GetNoLimiter(string.Empty);
        return PerMinute(user is not null ? $"person:{user}" : $"address:{ClientPartition.Of(context)}", options.PageRequestsPerMinute);
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}

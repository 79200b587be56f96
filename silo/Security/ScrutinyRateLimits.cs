using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Scrutiny.Silo.Security;

/// <summary>
/// The budgets every request falls under, whatever endpoint it reaches (so a new endpoint cannot forget one): API
/// reads per API key, the API's reads of published data without a key per client address, and everything else
/// (pages, CSV exports, live catch-up, the hub's connections) per signed-in person or, for anyone not signed in, per
/// client address (<see cref="ClientPartition"/>). Endpoints may add budgets
/// of their own on top, as the returns API does per key; refused API keys have theirs (<see cref="FailedKeyBudget"/>).
/// Health probes are never held back.
/// </summary>
public static class ScrutinyRateLimits
{
    public static IServiceCollection AddScrutinyRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<FailedKeyBudget>();
        services.AddSingleton<ResidentBudgets>();
        return services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
        });
    }

    /// <summary>
    /// Every refusal, the global budgets' and the endpoints' own: <c>Retry-After</c> in seconds, and for the API a
    /// problem+json saying so (a page request is re-executed to the "Too many requests" page, which has its own words).
    /// </summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api"))
            await Results.Problem(title: "Too many requests.", statusCode: StatusCodes.Status429TooManyRequests,
                detail: $"This client has used its budget for the minute; try again in {seconds} seconds.").ExecuteAsync(context);
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options)
    {
        var request = context.Request;
        // The problem page that a refused page request is re-executed to must not be refused in turn.
        if (request.Path.StartsWithSegments("/health") || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            return RateLimitPartition.GetNoLimiter(string.Empty);
        var user = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (request.Path.StartsWithSegments("/api"))
            // Writes have the budgets their endpoints name. Without a key, only reads of published data get this far (the
            // rest answer 401 first), counted per address; a key has its own, larger budget wherever it reads from.
            return !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) ? RateLimitPartition.GetNoLimiter(string.Empty)
                : user is not null ? PerMinute($"api-read:{user}", options.ApiReadsPerMinute)
                : PerMinute($"api-anonymous:{ClientPartition.Of(context)}", options.AnonymousApiReadsPerMinute);
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

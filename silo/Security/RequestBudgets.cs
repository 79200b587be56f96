using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Security;

/// <summary>
/// The budgets a request spends before it reaches its endpoint (<see cref="ScrutinyRateLimits"/>): the one every request
/// falls under, whatever endpoint it reaches (so a new endpoint cannot forget one), and an endpoint's own budget per
/// caller where it names one (<see cref="CallerBudget"/>). A singleton, so that the host disposes the limiters, and
/// with them their timers, when it stops.
/// </summary>
public sealed class RequestBudgets(RateLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _everyRequest =
        PartitionedRateLimiter.Create<HttpContext, string>(context => EveryRequest(context, options));

    private readonly PartitionedRateLimiter<HttpContext> _endpoints = PartitionedRateLimiter.Create<HttpContext, string>(EndpointOwn);

    /// <summary>
    /// Spends one request of the request's budgets: null when each had one left, otherwise how long until the one that
    /// refused it has. A refusal by the endpoint's own budget has still spent one of the budget every request falls under.
    /// </summary>
    public TimeSpan? Spend(HttpContext context)
    {
        using (var lease = _everyRequest.AttemptAcquire(context))
            if (!lease.IsAcquired) return RetryAfter(lease);
        using (var lease = _endpoints.AttemptAcquire(context))
            return lease.IsAcquired ? null : RetryAfter(lease);
    }

    public void Dispose()
    {
        _everyRequest.Dispose();
        _endpoints.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);

    /// <summary>
    /// API reads per API key, the API's reads of published data without a key per client address, and everything else
    /// (pages, CSV exports, live catch-up, the hub's connections) per signed-in person or, for anyone not signed in,
    /// per client address (<see cref="ClientPartition"/>). Health probes are never held back.
    /// </summary>
    private static RateLimitPartition<string> EveryRequest(HttpContext context, RateLimitOptions options)
    {
        var request = context.Request;
        // The problem page that a refused page request is re-executed to must not be refused in turn.
        if (request.Path.StartsWithSegments("/health") || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            return RateLimitPartition.GetNoLimiter(string.Empty);
        var user = Caller(context);
        if (request.Path.StartsWithSegments("/api"))
            // Writes have the budgets their endpoints name. Without a key, only reads of published data get this far (the
            // rest answer 401 first), counted per address; a key has its own, larger budget wherever it reads from.
            return !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) ? RateLimitPartition.GetNoLimiter(string.Empty)
                : user is not null ? PerMinute($"api-read:{user}", options.ApiReadsPerMinute)
                : PerMinute($"api-anonymous:{ClientPartition.Of(context)}", options.AnonymousApiReadsPerMinute);
        return PerMinute(user is not null ? $"person:{user}" : $"address:{ClientPartition.Of(context)}", options.PageRequestsPerMinute);
    }

    private static RateLimitPartition<string> EndpointOwn(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<CallerBudget>() is { } budget
            ? PerMinute($"{budget.Name}:{Caller(context) ?? "anonymous"}", budget.PermitsPerMinute(context.RequestServices))
            : RateLimitPartition.GetNoLimiter(string.Empty);

    private static string? Caller(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}

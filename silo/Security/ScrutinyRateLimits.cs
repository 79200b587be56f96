using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Scrutiny.Silo.Security;

/// <summary>
/// Rate limits: every request spends its budgets (<see cref="RequestBudgets"/>) after authorisation, so that a
/// signed-in person or an API key is counted as itself; refused API keys have a budget of their own
/// (<see cref="FailedKeyBudget"/>), residents' submissions theirs (<see cref="ResidentBudgets"/>).
/// </summary>
/// <remarks>
/// Not ASP.NET Core's rate limiting middleware: that makes a limiter for endpoint policies which nothing disposes, and
/// its timer kept every stopped host's services and pipeline in memory (a test process that starts hundreds of hosts
/// grew past 13 GB). Every budget here is a fixed window with no queue, so a request is answered at once either way.
/// </remarks>
public static class ScrutinyRateLimits
{
    public static IServiceCollection AddScrutinyRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<RequestBudgets>();
        services.AddSingleton<FailedKeyBudget>();
        services.AddSingleton<ResidentBudgets>();
        return services;
    }

    public static IApplicationBuilder UseScrutinyRateLimits(this IApplicationBuilder app)
    {
        var budgets = app.ApplicationServices.GetRequiredService<RequestBudgets>();
        return app.Use((context, next) => budgets.Spend(context) is { } retryAfter ? RefuseAsync(context, retryAfter) : next(context));
    }

    /// <summary>
    /// Every refusal: 429 with <c>Retry-After</c> in seconds, and for the API a problem+json saying so (a page request
    /// is re-executed to the "Too many requests" page, which has its own words).
    /// </summary>
    private static async Task RefuseAsync(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api"))
            await Results.Problem(title: "Too many requests.", statusCode: StatusCodes.Status429TooManyRequests,
                detail: $"This client has used its budget for the minute; try again in {seconds} seconds.").ExecuteAsync(context);
    }
}

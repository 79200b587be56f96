using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Cluster;

/// <summary>
/// A request whose grain call met a node that died (the cluster has not yet moved its grains, about 10 seconds at
/// most) gets 503 with Retry-After, never a 500: the client did nothing wrong, and the same request succeeds once the
/// grain answers from another node. A write that did commit is not applied twice when retried with the same
/// Idempotency-Key.
/// </summary>
public static class ClusterUnavailableAnswers
{
    public const int RetryAfterSeconds = 5;

    /// <summary>The failures of a call to a grain on a node that is gone or going: rejected, unreachable, or never answered.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        // The store's own timeouts (a pool in use, a slow server) are the store's to answer (StoreOutageAnswers).
        if (exception is null || StoreOutage.IsOutage(exception)) return false;
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is OrleansMessageRejectionException or ConnectionFailedException or TimeoutException) return true;
        return false;
    }

    /// <param name="isPage">Page requests get an empty 503 that the dashboard's status code pages put into words.</param>
    public static IApplicationBuilder UseClusterUnavailableAnswers(this IApplicationBuilder app, Func<PathString, bool>? isPage = null)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClusterUnavailableAnswers));
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (IsUnavailable(ex) && !context.Response.HasStarted)
            {
                logger.LogWarning("A grain could not be reached ({Error}: {Message}); answered 503", ex.GetType().Name, ex.Message);
                await RetryLaterAnswer.WriteAsync(context, RetryAfterSeconds, "The service is moving work between its nodes",
                    isPage?.Invoke(context.Request.Path) == true);
            }
        });
    }
}

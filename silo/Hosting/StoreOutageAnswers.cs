using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Hosting;

/// <summary>
/// A request that meets a store outage gets 503 with Retry-After, never a 500: the client did nothing wrong and should
/// try again. Writes are single transactions, so the failed request left nothing half-written; a retry with the same
/// Idempotency-Key gets the first answer if the first attempt did commit.
/// </summary>
public static class StoreOutageAnswers
{
    /// <param name="isPage">Page requests get an empty 503 that the dashboard's status code pages put into words.</param>
    public static IApplicationBuilder UseStoreOutageAnswers(this IApplicationBuilder app, Func<PathString, bool>? isPage = null)
    {
        var status = app.ApplicationServices.GetRequiredService<StoreStatus>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreOutageAnswers));
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (StoreOutage.IsOutage(ex) && !context.Response.HasStarted)
            {
                // A busy store is not an out one: pages go on showing figures without saying they may be out of date.
                var overloaded = StoreOutage.IsOverload(ex);
                if (!overloaded) status.MarkUnavailable();
                // The exception's type and message only: they name the store's state, not the request's input.
                logger.LogWarning("The store is {State} ({Error}: {Message}); answered 503", overloaded ? "busy" : "out", ex.GetType().Name, ex.Message);
                await RetryLaterAnswer.WriteAsync(context, StoreOutage.RetryAfterSeconds, "The data store cannot be reached just now",
                    isPage?.Invoke(context.Request.Path) == true);
            }
        });
    }
}

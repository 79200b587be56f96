using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Security;

namespace Scrutiny.Dashboard.PageCache;

/// <summary>The kept public pages (<see cref="KeptPages"/>) and the writes that end them.</summary>
public static class PageCacheExtensions
{
    public static IServiceCollection AddPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(PageCacheOptions.Section).Get<PageCacheOptions>() ?? new PageCacheOptions());
        services.AddSingleton<KeptPages>();
        return services;
    }

    /// <summary>
    /// After authentication, authorisation and the rate limits: a kept page is served only to whom the page itself would
    /// be, and counts against the reader's budget as the page does.
    /// </summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app, PathString hubPath)
    {
        var count = app.ApplicationServices.GetRequiredService<ChangeCount>();
        // A request that may write moves the count as it starts, as it answers (its writes are committed by then, and
        // its writer may read the page the moment the answer arrives) and as it ends (in case it wrote after answering):
        // a page kept before it is not served after it on this node, whatever the change feed's delay. The hub's
        // connections and browsers' policy reports write nothing a page shows.
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!WriteRequests.MayWrite(request.Method) || request.Path.StartsWithSegments(hubPath) || request.Path.StartsWithSegments(CspReports.Path))
            {
                await next(context);
                return;
            }
            count.Moved();
            context.Response.OnStarting(static state =>
            {
                ((ChangeCount)state).Moved();
                return Task.CompletedTask;
            }, count);
            try
            {
                await next(context);
            }
            finally
            {
                count.Moved();
            }
        });
        var pages = app.ApplicationServices.GetRequiredService<KeptPages>();
        app.Use(pages.ServeAsync);
        return app;
    }
}

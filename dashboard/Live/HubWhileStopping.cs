namespace Scrutiny.Dashboard.Live;

/// <summary>
/// Once the app is stopping, a new hub connection (a live page reconnecting after the server closed its connection)
/// is answered 503 with Retry-After: accepted, it would hold the server's shutdown open until its timeout, and the
/// page would only lose it again. The page reconnects to whichever node answers next.
/// </summary>
public static class HubWhileStopping
{
    public const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseHubRefusedWhileStopping(this IApplicationBuilder app, PathString hubPath)
    {
        var stopping = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return app.Use((context, next) =>
        {
            if (!stopping.IsCancellationRequested || !context.Request.Path.StartsWithSegments(hubPath)) return next(context);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
    }
}

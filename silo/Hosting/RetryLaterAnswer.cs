using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Hosting;

/// <summary>
/// The one shape of "not now, try again": 503 with Retry-After, never cached; an API client gets a problem saying when
/// and that a retry with the same Idempotency-Key is safe, a page request an empty body for the status code pages.
/// </summary>
public static class RetryLaterAnswer
{
    public static async Task WriteAsync(HttpContext context, int retryAfterSeconds, string title, bool isPage)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        if (isPage) return;
        await Results.Problem(
            title: title,
            detail: $"Try the same request again in {retryAfterSeconds} seconds. A request that was applied is not applied twice: " +
                    "send the same Idempotency-Key and body.",
            statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
    }
}

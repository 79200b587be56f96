using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Scrutiny.Silo.Security;

/// <summary>
/// An answer to someone signed in (an API key, a person's or an agency's cookie) is theirs alone: it carries
/// <c>Cache-Control: no-store</c>, so that no cache, a shared proxy's least of all, keeps it for the next caller. An
/// endpoint that set a private policy of its own (<c>private</c>, <c>no-store</c>) keeps it; any other is replaced.
/// Anonymous answers are left as their endpoints made them.
/// </summary>
public static class PrivateAnswers
{
    public const string Policy = "no-store";

    /// <summary>After the request's user is known (authentication, and the dashboard's cookie on page requests).</summary>
    public static IApplicationBuilder UsePrivateAnswers(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Decided as the response starts: the user is settled by then, whatever the endpoint did.
            context.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                if (context.User.Identity?.IsAuthenticated == true && !IsPrivate(context.Response.Headers.CacheControl))
                    context.Response.Headers.CacheControl = Policy;
                return Task.CompletedTask;
            }, context);
            return next(context);
        });

    private static bool IsPrivate(string? cacheControl) =>
        CacheControlHeaderValue.TryParse(cacheControl, out var parsed) && (parsed.NoStore || parsed.Private);
}

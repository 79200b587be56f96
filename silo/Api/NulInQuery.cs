using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Api;

/// <summary>
/// Refuses, with 400, a query string holding a NUL (<c>%00</c>). No code, period, date or id here holds one, and
/// PostgreSQL cannot hold one in text: passed on as a query's parameter it failed the query (22021, "invalid byte
/// sequence") and the request with a 500, where SQLite simply found nothing. (Kestrel already refuses one in the path.)
/// </summary>
public static class NulInQuery
{
    public static IApplicationBuilder UseNoNulInQuery(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (!context.Request.Query.Any(q => q.Key.Contains('\0', StringComparison.Ordinal)
                    || q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)))
                return next(context);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        });
}

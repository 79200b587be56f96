using System.Security.Claims;
using Scrutiny.Dashboard.Agencies;
using Scrutiny.Dashboard.Feeds;
using Scrutiny.Silo.Security;

namespace Scrutiny.Dashboard.Calendars;

/// <summary>
/// The iCalendar feeds (RFC 5545) beside the committee and board pages, public as the pages are and the same for every
/// reader; and an agency's returns calendar, for that agency's people and administrators, signed in (a calendar app
/// sends no cookie, so it is downloaded or imported rather than subscribed to). An unknown committee, board or agency is
/// 404, as the Atom feeds answer.
/// </summary>
public static class CalendarEndpoints
{
    public static IServiceCollection AddCalendars(this IServiceCollection services) =>
        services.AddSingleton<CommitteeCalendar>().AddSingleton<BoardCalendar>().AddSingleton<AgencyCalendar>();

    public static IEndpointRouteBuilder MapCalendars(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"/committees/{{id}}/{CalendarPaths.FileName}", (string id, CommitteeCalendar calendars, TimeProvider time, HttpContext context) =>
            AnswerAsync(context, time, calendars.ReadAsync(id, context.RequestAborted), PublicDocument.CacheControl)).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet($"/boards/{{id}}/{CalendarPaths.FileName}", (string id, BoardCalendar calendars, TimeProvider time, HttpContext context) =>
            AnswerAsync(context, time, calendars.ReadAsync(id, context.RequestAborted), PublicDocument.CacheControl)).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet($"/agencies/{{code}}/{CalendarPaths.FileName}", (string code, AgencyCalendar calendars, TimeProvider time, HttpContext context) =>
                MayRead(context.User, code)
                    ? AnswerAsync(context, time, calendars.ReadAsync(code, context.RequestAborted), PrivateCacheControl)
                    : Task.FromResult(Results.StatusCode(StatusCodes.Status403Forbidden)))
            .RequireAuthorization(AgencySignIn.SignedInPolicy).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The agency's own returns, as "our returns" shows them to its people; administrators see every agency's.</summary>
    public static bool MayRead(ClaimsPrincipal user, string code) => user.IsAdministrator() || user.AgencyCode() == code;

    /// <summary>Only the reader's browser may keep the agency's calendar, and asks again (with its ETag) before using it.</summary>
    private const string PrivateCacheControl = "private, no-cache";

    private static async Task<IResult> AnswerAsync(HttpContext context, TimeProvider time, Task<Calendar?> reading, string cacheControl) =>
        await reading is { } calendar
            ? PublicDocument.Answer(context, IcsWriter.Write(calendar, PublicDocument.Origin(context.Request), time.GetUtcNow()), IcsWriter.ContentType,
                cacheControl)
            : Results.NotFound();
}

using Microsoft.AspNetCore.Diagnostics;

namespace Scrutiny.Dashboard.Subscriptions;

/// <summary>
/// An emailed link that no longer works (used, expired, or never ours): 410 Gone, with the page's own words saying why
/// and what to do, where the site's problem page would only say it is not there. (Blazor writes no body of its own for
/// a 404 a page sets, leaving it to the status code pages; a 410 it renders.)
/// </summary>
public static class LinkGone
{
    public static void Answer(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status410Gone;
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
    }
}

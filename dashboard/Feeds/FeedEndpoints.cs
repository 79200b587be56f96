namespace Scrutiny.Dashboard.Feeds;

/// <summary>
/// The Atom feeds beside the place, committee and board pages. Public, as the pages are, and the same for every reader
/// (the public's view); an unknown place, committee or board is 404, as the pages' CSV downloads answer.
/// </summary>
public static class FeedEndpoints
{
    public static IServiceCollection AddFeeds(this IServiceCollection services) =>
        services.AddSingleton<PlaceFeed>().AddSingleton<CommitteeFeed>().AddSingleton<BoardFeed>();

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"/places/{{code}}/{FeedPaths.FileName}", (string code, PlaceFeed feeds, TimeProvider time, HttpContext context) =>
            AnswerAsync(context, time, feeds.ReadAsync(code, context.RequestAborted))).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet($"/committees/{{id}}/{FeedPaths.FileName}", (string id, CommitteeFeed feeds, TimeProvider time, HttpContext context) =>
            AnswerAsync(context, time, feeds.ReadAsync(id, context.RequestAborted))).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet($"/boards/{{id}}/{FeedPaths.FileName}", (string id, BoardFeed feeds, TimeProvider time, HttpContext context) =>
            AnswerAsync(context, time, feeds.ReadAsync(id, context.RequestAborted))).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> AnswerAsync(HttpContext context, TimeProvider time, Task<Feed?> reading) =>
        await reading is { } feed
            ? PublicDocument.Answer(context, AtomWriter.Write(feed, PublicDocument.Origin(context.Request), time.GetUtcNow()), AtomWriter.ContentType)
            : Results.NotFound();
}

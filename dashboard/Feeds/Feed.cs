namespace Scrutiny.Dashboard.Feeds;

/// <summary>
/// A page's Atom feed before it is written: addresses are the site's own paths, made absolute for the request by
/// <see cref="AtomWriter"/>. <see cref="PagePath"/> is the page the feed follows (its id and alternate link).
/// </summary>
public sealed record Feed(string Title, string PagePath, string FeedPath, string Author, IReadOnlyList<FeedEntry> Entries);

/// <summary>
/// One thing that happened, as a feed entry. Its id is <see cref="PagePath"/> with <see cref="Fragment"/>, which names
/// the record and the event (<c>#made</c>, <c>#response</c>, <c>#period-2026-07</c>), never a position in the feed, so
/// a reader shows it once however often the feed is read. <see cref="Updated"/> moves when the thing it reports is
/// corrected (a revised value); <see cref="Published"/> does not.
/// </summary>
public sealed record FeedEntry(string Title, string Summary, string PagePath, string Fragment, DateTimeOffset Published, DateTimeOffset Updated)
{
    /// <summary>The newest entries a feed holds: enough for a reader that looks daily, small at England's scale.</summary>
    public const int MaxEntries = 50;

    public FeedEntry(string title, string summary, string pagePath, string fragment, DateTimeOffset at)
        : this(title, summary, pagePath, fragment, at, at)
    {
    }

    /// <summary>Newest first by <see cref="Updated"/>, then by id so that entries of one moment keep their order, capped.</summary>
    public static IReadOnlyList<FeedEntry> Newest(IEnumerable<FeedEntry> entries) =>
        [.. entries.OrderByDescending(e => e.Updated).ThenBy(e => e.PagePath, StringComparer.Ordinal)
            .ThenBy(e => e.Fragment, StringComparer.Ordinal).Take(MaxEntries)];
}

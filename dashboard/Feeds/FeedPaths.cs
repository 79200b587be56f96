using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Committees;
using Scrutiny.Dashboard.Components.Pages;

namespace Scrutiny.Dashboard.Feeds;

/// <summary>Each page's Atom feed, beside the page, for the endpoints, the pages' links and the tests.</summary>
public static class FeedPaths
{
    public const string FileName = "feed.atom";

    public static string Place(string code) => $"{PlacePage.Href(code)}/{FileName}";

    public static string Committee(string id) => $"{CommitteePaths.Committee(id)}/{FileName}";

    public static string Board(string id) => $"{BoardPaths.Board(id)}/{FileName}";
}

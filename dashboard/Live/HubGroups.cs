using Scrutiny.Grains.Contracts;

namespace Scrutiny.Dashboard.Live;

/// <summary>
/// Each watched group is two SignalR groups: the group itself, for watchers who see published values, and its
/// entitled twin, for those who see unpublished ones as well. A published change goes to both; an unpublished one
/// to the twin only. One send per change either way, however many watchers.
/// </summary>
public static class HubGroups
{
    // The twin's name is no name a client could send: the hub joins only groups WatchedGroup.TryParse reads, and it
    // reads no name that starts with '#'. The server alone decides, from the watcher's entitlement, who is put in it.
    private const string EntitledPrefix = "#unpublished ";

    public static string For(WatchedGroup group, DataView view) => For(group.Name, view);

    public static string For(string group, DataView view) => view == DataView.All ? EntitledPrefix + group : group;

    /// <summary>The SignalR groups a change is sent to.</summary>
    public static IReadOnlyList<string> Of(Change change) =>
        change.Unpublished
            ? [.. change.Groups.Select(g => For(g, DataView.All))]
            : [.. change.Groups, .. change.Groups.Select(g => For(g, DataView.All))];
}

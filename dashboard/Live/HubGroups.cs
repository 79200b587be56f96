using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Runtime;

namespace Scrutiny.Dashboard.Live;

/// <summary>
/// Each watched group is two SignalR groups: the group itself, for watchers who see published values, and its
/// entitled twin, for those who see unpublished ones as well. A published change goes to both; an unpublished one
/// to the twin only. One send per change either way, however many watchers.
/// </summary>
public static class HubGroups
{
    // A character no watched group may contain after its prefix would be safer, but '#' cannot appear in place
    // codes, indicator codes, board or panel ids, which are all checked against their own rules.
    private const string EntitledSuffix = "#unpublished";

    public static string For(string group, DataView view) => view == DataView.All ? group + EntitledSuffix : group;

    /// <summary>The SignalR groups a change is sent to.</summary>
    public static IReadOnlyList<string> Of(Change change) =>
        change.Unpublished
            ? [.. change.Groups.Select(g => For(g, DataView.All))]
            : [.. change.Groups, .. change.Groups.Select(g => For(g, DataView.All))];
}

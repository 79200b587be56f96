using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Scrutiny.Dashboard.Agencies;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Panels;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Dashboard.Live;

/// <summary>
/// The live-update hub at <c>/hubs/scrutiny</c>. A client watches the groups of what it shows
/// (<c>place:{code}</c>, <c>indicator:{place}/{code}</c>, <c>board:{id}</c>, <c>panel:{id}</c>, <c>committee:{id}</c>)
/// and receives <c>changed</c> messages. Anyone may watch, and hears of published values only; a watcher entitled to a
/// place's unpublished values (<see cref="DataViews"/>: an administrator, a member of one of its boards) is put in the
/// group's entitled twin (<see cref="HubGroups"/>) and hears of those too. The client names the group, never the
/// twin: a name is watched only as <see cref="WatchedGroup.TryParse"/> reads it, and the server picks the variant.
/// Who the watcher is comes from an API key (SignalR's <c>accessTokenFactory</c>; a key that is presented and refused
/// gets 401 rather than an anonymous connection, <see cref="Scrutiny.Silo.Security.ScrutinyAuth.NoBadKeyPolicy"/>) or
/// else from the signed-in person's cookie, which the browser sends with the connection's request (SameSite=Lax keeps
/// other sites' pages from doing so).
/// </summary>
public sealed class ScrutinyHub(DataViews views) : Hub
{
    public const string Path = "/hubs/scrutiny";
    public const string ChangedMessage = "changed";

    /// <summary>Read again what the page shows: this node may have missed changes (<see cref="HubChangeListener.OnFeedRestoredAsync"/>).</summary>
    public const string CatchUpMessage = "catchUp";

    /// <summary>
    /// How many groups one connection may watch. Group names are the client's to choose and each one held costs the
    /// server memory; the largest page, a panel of <see cref="PanelEditor.MaxItems"/> figures, watches one more than
    /// that, and twice it leaves room for a page that adds groups as it goes.
    /// </summary>
    public const int MaxWatchedGroups = 2 * PanelEditor.MaxItems;

    public const string NotAGroup =
        "That is not a group this hub serves: watch place:{code}, indicator:{place}/{code}, board:{id}, panel:{id} or committee:{id}, exactly as the pages name them.";

    public static readonly string TooManyGroups = $"A connection may watch at most {MaxWatchedGroups} groups: unwatch some first.";

    private const string WatcherItem = "scrutiny:watcher";
    private const string WatchedItem = "scrutiny:watched";

    public override async Task OnConnectedAsync()
    {
        // Read once, from the request that opened the connection: an API key is the connection's user; a person's
        // session is a cookie, read before that request was upgraded (AgencySignIn.UseHubPerson).
        Context.Items[WatcherItem] = Context.User?.Identity?.IsAuthenticated == true
            ? Context.User
            : AgencySignIn.HubPerson(Context.GetHttpContext()) ?? new ClaimsPrincipal();
        Context.Items[WatchedItem] = new HashSet<string>(StringComparer.Ordinal);
        await base.OnConnectedAsync();
    }

    public async Task Watch(string group)
    {
        var watched = Parse(group);
        // A connection's invocations run one at a time (SignalR's default), so the set needs no lock.
        var groups = Watched();
        if (!groups.Contains(watched.Name) && groups.Count >= MaxWatchedGroups) throw new HubException(TooManyGroups);
        var watcher = Context.Items[WatcherItem] as ClaimsPrincipal ?? new ClaimsPrincipal();
        var view = await views.ForGroupAsync(watcher, watched, Context.ConnectionAborted);
        // Watched again, the group may have moved between variants (a board given to another place): one variant only.
        if (!groups.Add(watched.Name))
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.For(watched, view == DataView.All ? DataView.Published : DataView.All));
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.For(watched, view));
    }

    public async Task Unwatch(string group)
    {
        var watched = Parse(group);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.For(watched, DataView.Published));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.For(watched, DataView.All));
        Watched().Remove(watched.Name);
    }

    // The refusal does not repeat the name: it is the client's own, and may be long or hold control characters.
    private static WatchedGroup Parse(string? group) =>
        WatchedGroup.TryParse(group, out var watched) ? watched : throw new HubException(NotAGroup);

    private HashSet<string> Watched() => (HashSet<string>)Context.Items[WatchedItem]!;
}

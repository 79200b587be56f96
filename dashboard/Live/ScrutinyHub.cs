using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Scrutiny.Dashboard.Agencies;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Dashboard.Live;

/// <summary>
/// The live-update hub at <c>/hubs/scrutiny</c>. A client watches the groups of what it shows
/// (<c>place:{code}</c>, <c>indicator:{place}/{code}</c>, <c>board:{id}</c>, <c>panel:{id}</c>) and receives
/// <c>changed</c> messages. Anyone may watch, and hears of published values only; a watcher entitled to a place's
/// unpublished values (<see cref="DataViews"/>: an administrator, a member of one of its boards) is put in the
/// group's entitled twin (<see cref="HubGroups"/>) and hears of those too. Who the watcher is comes from an API key
/// (SignalR's <c>accessTokenFactory</c>; a key that is presented and refused gets 401 rather than an anonymous
/// connection, <see cref="Scrutiny.Silo.Security.ScrutinyAuth.NoBadKeyPolicy"/>) or else from the signed-in person's
/// cookie, which the browser sends with the connection's request (SameSite=Lax keeps other sites' pages from doing so).
/// </summary>
public sealed class ScrutinyHub(DataViews views) : Hub
{
    public const string Path = "/hubs/scrutiny";
    public const string ChangedMessage = "changed";

    /// <summary>
    /// How many groups one connection may watch at once. A page watches one group per thing it shows live (a place's
    /// page, one per indicator); the hub keeps every group a connection joins until it leaves, so without a limit one
    /// connection could make the node hold any number of made-up names.
    /// </summary>
    public const int MaxWatches = 500;

    private const string WatcherItem = "scrutiny:watcher";
    private const string WatchedItem = "scrutiny:watched";

    public override async Task OnConnectedAsync()
    {
        // The hub's policy knows API keys only; a person's session is a cookie, read before the connection's
        // request was upgraded (AgencySignIn.UseHubPerson), when its response could still set a cookie.
        Context.Items[WatcherItem] = Context.User?.Identity?.IsAuthenticated == true
            ? Context.User
            : Context.GetHttpContext()?.Items[AgencySignIn.HubPersonItem] as ClaimsPrincipal ?? new ClaimsPrincipal();
        await base.OnConnectedAsync();
    }

    public async Task Watch(string group)
    {
        var watcher = Context.Items[WatcherItem] as ClaimsPrincipal ?? new ClaimsPrincipal();
        var watched = Watched();
        if (!watched.Contains(Checked(group)) && watched.Count >= MaxWatches)
            throw new HubException($"A connection watches at most {MaxWatches} groups: unwatch one first.");
        var view = await views.ForGroupAsync(watcher, group, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.For(group, view));
        watched.Add(group);
    }

    public async Task Unwatch(string group)
    {
        Watched().Remove(group);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.For(Checked(group), DataView.Published));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.For(group, DataView.All));
    }

    // A connection's calls run one at a time (SignalR's default), so the set needs no lock.
    private HashSet<string> Watched() =>
        Context.Items.TryGetValue(WatchedItem, out var set) && set is HashSet<string> watched
            ? watched
            : (HashSet<string>)(Context.Items[WatchedItem] = new HashSet<string>(StringComparer.Ordinal));

    private static string Checked(string group) =>
        group.Length <= 200 && ChangeGroups.Prefixes.Any(p => group.StartsWith(p, StringComparison.Ordinal) && group.Length > p.Length)
            ? group
            : throw new HubException($"'{group}' is not a group this hub serves.");
}

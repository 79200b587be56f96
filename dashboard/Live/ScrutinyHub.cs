using Microsoft.AspNetCore.SignalR;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Dashboard.Live;

/// <summary>
/// The live-update hub at <c>/hubs/scrutiny</c>. A client watches the groups of what it shows
/// (<c>place:{code}</c>, <c>indicator:{place}/{code}</c>, <c>board:{id}</c>, <c>panel:{id}</c>) and receives
/// <c>changed</c> messages. Anyone may watch, and hears of published values only; a watcher entitled to a place's
/// unpublished values (<see cref="DataViews"/>: an administrator, a member of one of its boards) is put in the
/// group's entitled twin (<see cref="HubGroups"/>) and hears of those too. Who the watcher is comes from an API key
/// (SignalR's <c>accessTokenFactory</c>) or the signed-in person's cookie (<see cref="Agencies.AgencySignIn.HubPolicy"/>);
/// a key that is presented and refused gets 401 rather than an anonymous connection.
/// </summary>
public sealed class ScrutinyHub(DataViews views) : Hub
{
    public const string Path = "/hubs/scrutiny";
    public const string ChangedMessage = "changed";

    public async Task Watch(string group)
    {
        var view = await views.ForGroupAsync(Context.User ?? new(), Checked(group), Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.For(group, view));
    }

    public async Task Unwatch(string group)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.For(Checked(group), DataView.Published));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.For(group, DataView.All));
    }

    private static string Checked(string group) =>
        group.Length <= 200 && ChangeGroups.Prefixes.Any(p => group.StartsWith(p, StringComparison.Ordinal) && group.Length > p.Length)
            ? group
            : throw new HubException($"'{group}' is not a group this hub serves.");
}

using Microsoft.AspNetCore.SignalR;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Dashboard.Live;

/// <summary>
/// The live-update hub at <c>/hubs/scrutiny</c>. A client watches the groups of what it shows
/// (<c>place:{code}</c>, <c>indicator:{place}/{code}</c>, <c>board:{id}</c>, <c>panel:{id}</c>) and receives
/// <c>changed</c> messages. Public: it carries only what the public pages show. A client may connect with an API
/// key (SignalR's <c>accessTokenFactory</c>); a key that is presented and refused gets 401 rather than an anonymous
/// connection (<see cref="Scrutiny.Silo.Security.ScrutinyAuth.NoBadKeyPolicy"/>, set where the hub is mapped).
/// </summary>
public sealed class ScrutinyHub : Hub
{
    public const string Path = "/hubs/scrutiny";
    public const string ChangedMessage = "changed";

    public Task Watch(string group) => Groups.AddToGroupAsync(Context.ConnectionId, Checked(group));

    public Task Unwatch(string group) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Checked(group));

    private static string Checked(string group) =>
        group.Length <= 200 && ChangeGroups.Prefixes.Any(p => group.StartsWith(p, StringComparison.Ordinal) && group.Length > p.Length)
            ? group
            : throw new HubException($"'{group}' is not a group this hub serves.");
}

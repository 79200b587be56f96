using Microsoft.AspNetCore.SignalR;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Observability;

namespace Scrutiny.Dashboard.Live;

/// <summary>
/// The push path's last step: a change from the node's feed goes to the hub groups that show it, an unpublished one
/// only to the watchers entitled to it (<see cref="HubGroups"/>).
/// </summary>
public sealed class HubChangeListener(IHubContext<ScrutinyHub> hub) : IChangeListener
{
    public async ValueTask OnChangedAsync(Change change, CancellationToken cancellationToken)
    {
        // A change for the nodes themselves (access revoked) names no group: no page shows it, and nothing is sent.
        if (change.Groups.Count == 0) return;
        var message = new ChangeMessage(change.Kind, change.Keys, change.Groups, change.Period, change.Value, change.At);
        await hub.Clients.Groups(HubGroups.Of(change)).SendAsync(ScrutinyHub.ChangedMessage, message, cancellationToken);
        ScrutinyMetrics.PushMessages.Add(1);
    }

    /// <summary>Every watcher on this node reads its page's figures again (the message carries nothing but the request).</summary>
    public async ValueTask OnFeedRestoredAsync(CancellationToken cancellationToken) =>
        await hub.Clients.All.SendAsync(ScrutinyHub.CatchUpMessage, cancellationToken);
}

/// <summary>
/// The <c>changed</c> message: what changed, its keys, the hub groups it was sent to (so that a page region
/// watching one of them knows it is concerned), the period and the new value.
/// </summary>
public sealed record ChangeMessage(
    string Kind, IReadOnlyDictionary<string, string> Keys, IReadOnlyList<string> Groups, string? Period, double? Value, DateTimeOffset At);

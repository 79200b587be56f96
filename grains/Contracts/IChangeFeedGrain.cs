using System.Runtime.CompilerServices;

namespace Scrutiny.Grains.Contracts;

/// <summary>
/// The one place every change is published to, and every node that pushes to browsers subscribes to (one grain, key
/// <see cref="Key"/>): a node's observer hears every change made anywhere in the cluster, in the order this grain
/// received them. Subscriptions expire unless renewed, so a node that died without unsubscribing is soon forgotten.
/// </summary>
[Alias("change-feed")]
public interface IChangeFeedGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>
    /// One-way: a publisher never waits on the watchers (a slow browser must not hold up a return). Changes in a list, in
    /// order: a batch's 500 indicator grains are one message here and one to each node, not 500 of each.
    /// </summary>
    [OneWay, Alias("publish-all")]
    Task PublishAsync(IReadOnlyList<Change> changes);

    /// <summary>Subscribes, or renews, an observer; it is dropped if not renewed within <see cref="SubscriptionLifetime"/>.</summary>
    [Alias("subscribe")]
    Task SubscribeAsync(IChangeObserver observer);

    [Alias("unsubscribe")]
    Task UnsubscribeAsync(IChangeObserver observer);

    // Three of a node's renewals (every 10 s): a node that died is forgotten, and no longer sent changes, within 35 s.
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromSeconds(35);
}

public static class ChangeFeedPublishing
{
    /// <summary>Publishes a change to the one feed every node listens on; one-way, so it never waits on watchers.</summary>
    public static Task PublishChangeAsync(this IGrainFactory grains, Change change) => grains.PublishChangesAsync([change]);

    /// <summary>Publishes changes, in order, in one message.</summary>
    public static Task PublishChangesAsync(this IGrainFactory grains, IReadOnlyList<Change> changes) =>
        Feeds.GetValue(grains, g => g.GetGrain<IChangeFeedGrain>(IChangeFeedGrain.Key)).PublishAsync(changes);

    // The feed's reference, made once for each grain factory (a silo has one): Orleans resolves the grain interface by
    // reflection each time a reference is made, and every return's grains publish.
    private static readonly ConditionalWeakTable<IGrainFactory, IChangeFeedGrain> Feeds = new();
}

/// <summary>A node's listener on the change feed (a grain observer: an object reference, not a grain).</summary>
[Alias("change-observer")]
public interface IChangeObserver : IGrainObserver
{
    [OneWay, Alias("changed-all")]
    Task OnChangedAsync(IReadOnlyList<Change> changes);
}

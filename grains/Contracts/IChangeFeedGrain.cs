namespace Scrutiny.Grains.Contracts;

/// <summary>
/// The one place every change is published to, and every node that pushes to browsers subscribes to (one grain, key
/// <see cref="Key"/>): a node's observer hears every change made on the other nodes of the cluster, in the order this
/// grain received them (a node's own changes it has heard already: <see cref="IChangePublisher"/>). Subscriptions expire
/// unless renewed, so a node that died without unsubscribing is soon forgotten.
/// </summary>
[Alias("change-feed")]
public interface IChangeFeedGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>
    /// One-way: a publisher never waits on the watchers (a slow browser must not hold up a return). Changes in a list, in
    /// order: a batch's 500 indicator grains are one message here and one to each node, not 500 of each. Every subscribed
    /// observer but <paramref name="publisher"/> (the publishing node's own, which has heard them already) is sent them.
    /// </summary>
    [OneWay, Alias("publish-from")]
    Task PublishAsync(IReadOnlyList<Change> changes, IChangeObserver? publisher);

    /// <summary>Subscribes, or renews, an observer; it is dropped if not renewed within <see cref="SubscriptionLifetime"/>.</summary>
    [Alias("subscribe")]
    Task SubscribeAsync(IChangeObserver observer);

    [Alias("unsubscribe")]
    Task UnsubscribeAsync(IChangeObserver observer);

    // Three of a node's renewals (every 10 s): a node that died is forgotten, and no longer sent changes, within 35 s.
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromSeconds(35);
}

/// <summary>A node's listener on the change feed (a grain observer: an object reference, not a grain).</summary>
[Alias("change-observer")]
public interface IChangeObserver : IGrainObserver
{
    [OneWay, Alias("changed-all")]
    Task OnChangedAsync(IReadOnlyList<Change> changes);
}

using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Grains.Grains;

/// <summary>
/// Passes each change to every subscribed node but the one that published it, whose listeners heard it already. Holds
/// no state: a node re-subscribes well within <see cref="IChangeFeedGrain.SubscriptionLifetime"/>, so a reactivated feed
/// has its watchers back within seconds.
/// </summary>
[GrainType("change-feed")]
public sealed class ChangeFeedGrain(ILogger<ChangeFeedGrain> logger) : Grain, IChangeFeedGrain
{
    private readonly ObserverManager<IChangeObserver> _observers = new(IChangeFeedGrain.SubscriptionLifetime, logger);

    public Task PublishAsync(IReadOnlyList<Change> changes, IChangeObserver? publisher)
    {
        _observers.Notify(o => o.OnChangedAsync(changes), publisher is null ? null : o => !o.Equals(publisher));
        return Task.CompletedTask;
    }

    public Task SubscribeAsync(IChangeObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IChangeObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}

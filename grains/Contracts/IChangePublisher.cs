namespace Scrutiny.Grains.Contracts;

/// <summary>
/// Publishes changes to every node that pushes to browsers: this node's listeners hear them at once, in the order
/// published, and the cluster's feed (<see cref="IChangeFeedGrain"/>) passes them to the other nodes. Never waits on
/// watchers: a slow browser must not hold up a return.
/// </summary>
public interface IChangePublisher
{
    /// <summary>Publishes changes, in order, in one message to the feed.</summary>
    Task PublishAsync(IReadOnlyList<Change> changes);
}

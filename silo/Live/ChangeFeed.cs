using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Silo.Live;

/// <summary>Hears every change on this node: the hub's push to browsers is one.</summary>
public interface IChangeListener
{
    ValueTask OnChangedAsync(Change change, CancellationToken cancellationToken);

    /// <summary>
    /// This node is hearing changes again after it may have missed some: the node holding the cluster's feed died, and
    /// changes published before this node re-subscribed to its new activation reached nobody. What a listener shows
    /// should be read again.
    /// </summary>
    ValueTask OnFeedRestoredAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

public interface IChangeFeed : IChangePublisher
{
    /// <summary>Adds a listener to this node's changes; dispose to remove it.</summary>
    IDisposable Subscribe(IChangeListener listener);

    /// <summary>Publishes a change made outside any grain (a committee's record, a panel, a publication) to every node.</summary>
    Task PublishAsync(Change change) => PublishAsync([change]);
}

/// <summary>
/// This node's end of the cluster's change feed: a grain observer subscribed to <see cref="IChangeFeedGrain"/> once the
/// silo is active, subscribed again whenever the cluster's members change (a node that left may have held the feed
/// grain, whose new activation knows no subscribers; a node that joined takes over part of the grain directory, which
/// may briefly make a second feed activation) and renewed every <see cref="RenewEvery"/> in any case; after a
/// re-subscription that may have missed changes, the listeners are told to read again
/// (<see cref="IChangeListener.OnFeedRestoredAsync"/>).
/// A change made on this node goes to its listeners at once and to the feed grain for the others, which skips this
/// node's observer: the push to a browser watching this node is then one queue away from the grain that made the
/// change, not three (a message to the feed grain, its turn, a message back), each queued behind the node's other work.
/// Each change is handed to the node's listeners in the order it arrived. A listener never holds up the feed: one loop
/// delivers, and a failing listener is logged and skipped.
/// </summary>
public sealed class ChangeFeed(IGrainFactory grains, IClusterMembershipService membership, PublishedPoints points, ChangeCount count,
    ILogger<ChangeFeed> logger)
    : IChangeFeed, IChangeObserver, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    // Queued among the changes, so that listeners hear of the restored feed after every change that came before it.
    private static readonly Change FeedRestored = new("feed-restored", new Dictionary<string, string>(), [], null, null, DateTimeOffset.MinValue);

    private readonly Channel<Change> _queue = Channel.CreateUnbounded<Change>(new() { SingleReader = true });
    private readonly Lock _gate = new();
    private IChangeListener[] _listeners = [];
    private Task? _delivery;
    // Set from the node's start to its stop: only then does it hear its own changes at once, and the feed skip it for them.
    private volatile IChangeObserver? _reference;
    private IChangeFeedGrain? _feed;
    private CancellationTokenSource? _stopping;
    private Task? _renewal;
    private Task? _watch;

    // Made once: Orleans resolves the grain interface by reflection each time a reference is made, and every return publishes.
    private IChangeFeedGrain Feed => _feed ??= grains.GetGrain<IChangeFeedGrain>(IChangeFeedGrain.Key);

    public Task PublishAsync(IReadOnlyList<Change> changes)
    {
        var self = _reference;
        if (self is not null) Enqueue(changes);
        return Feed.PublishAsync(changes, self);
    }

    public IDisposable Subscribe(IChangeListener listener)
    {
        lock (_gate) _listeners = [.. _listeners, listener];
        return new Subscription(this, listener);
    }

    public Task OnChangedAsync(IReadOnlyList<Change> changes)
    {
        Enqueue(changes);
        return Task.CompletedTask;
    }

    /// <summary>Queues changes for this node's listeners, whether made here or heard from the feed.</summary>
    private void Enqueue(IReadOnlyList<Change> changes)
    {
        foreach (var change in changes) _queue.Writer.TryWrite(change);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ChangeFeed), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        _delivery = Task.Run(DeliverAsync, CancellationToken.None);
        _reference = grains.CreateObjectReference<IChangeObserver>(this);
        // Subscribed before the node takes requests: a change made from here on reaches this node's watchers.
        await Feed.SubscribeAsync(_reference);
        _stopping = new CancellationTokenSource();
        _renewal = RenewAsync(_stopping.Token);
        _watch = Task.Run(() => WatchMembershipAsync(_stopping.Token), CancellationToken.None);
    }

    private async Task WatchMembershipAsync(CancellationToken stopping)
    {
        HashSet<SiloAddress>? active = null;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stopping))
            {
                var now = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToHashSet();
                var changed = active is not null && !now.SetEquals(active);
                active = now;
                if (changed) _ = Task.Run(() => ResubscribeAfterMembershipChangeAsync(stopping), CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// A node left (the feed grain may have lived there) or joined (the grain directory hands entries to it, and for a
    /// moment a second activation of the feed grain may be made and then dropped, with whoever subscribed to it): subscribe
    /// again at once and twice more while the directory settles, and each time tell the listeners to read again.
    /// </summary>
    private async Task ResubscribeAfterMembershipChangeAsync(CancellationToken stopping)
    {
        try
        {
            foreach (var wait in MembershipSettling)
            {
                await Task.Delay(wait, stopping);
                await ResubscribeAsync("the cluster's members changed");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static readonly TimeSpan[] MembershipSettling = [TimeSpan.Zero, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5)];

    /// <summary>Subscribes again and tells the listeners that changes may have been missed; false when the feed cannot be reached now.</summary>
    private async Task<bool> ResubscribeAsync(string why)
    {
        try
        {
            await Feed.SubscribeAsync(_reference!);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Subscribing to the change feed again ({Why}) failed; trying again in {Seconds} s", why, RenewEvery.TotalSeconds);
            return false;
        }
        logger.LogInformation("Subscribed to the change feed again ({Why}); this node's watchers read again what they show", why);
        _queue.Writer.TryWrite(FeedRestored);
        return true;
    }

    private async Task RenewAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        try
        {
            var failed = false;
            while (await timer.WaitForNextTickAsync(stopping))
            {
                // After a failed renewal the feed may have been away: the first renewal that works says so to the listeners.
                if (failed)
                {
                    failed = !await ResubscribeAsync("the last renewal failed");
                    continue;
                }
                try
                {
                    await Feed.SubscribeAsync(_reference!);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed = true;
                    logger.LogWarning(ex, "Renewing this node's change feed subscription failed; trying again in {Seconds} s", RenewEvery.TotalSeconds);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is not null) await _stopping.CancelAsync();
        if (_renewal is not null) await _renewal;
        if (_watch is not null) await _watch;
        if (_reference is not null)
        {
            try
            {
                await Feed.UnsubscribeAsync(_reference);
            }
            catch (Exception ex)
            {
                // The silo may be stopping too; the subscription expires on its own.
                logger.LogDebug(ex, "Unsubscribing from the change feed failed");
            }
            grains.DeleteObjectReference<IChangeObserver>(_reference);
            _reference = null;
        }
    }

    private void Unsubscribe(IChangeListener listener)
    {
        lock (_gate) _listeners = [.. _listeners.Where(l => !ReferenceEquals(l, listener))];
    }

    private async Task DeliverAsync()
    {
        await foreach (var change in _queue.Reader.ReadAllAsync())
        {
            // The node's copies first (published points, kept pages), so that a page a listener wakes reads the new values.
            if (ReferenceEquals(change, FeedRestored)) points.Clear();
            else points.Forget(change);
            count.Moved();
            foreach (var listener in Volatile.Read(ref _listeners))
            {
                try
                {
                    if (ReferenceEquals(change, FeedRestored)) await listener.OnFeedRestoredAsync(CancellationToken.None);
                    else await listener.OnChangedAsync(change, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    // One failing listener (a closed connection, say) must not stop the others hearing of changes.
                    logger.LogWarning(ex, "A change listener failed");
                }
            }
        }
    }

    // _stopping is not disposed: it has no timer to free, and the silo's stop may still run after the container is gone.
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_delivery is not null) await _delivery;
    }

    private sealed class Subscription(ChangeFeed feed, IChangeListener listener) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(listener);
    }
}

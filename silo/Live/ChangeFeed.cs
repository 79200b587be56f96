using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Live;

/// <summary>Hears every change on this node: the hub's push to browsers is one.</summary>
public interface IChangeListener
{
    ValueTask OnChangedAsync(Change change, CancellationToken cancellationToken);
}

public interface IChangeFeed
{
    /// <summary>Adds a listener to this node's changes; dispose to remove it.</summary>
    IDisposable Subscribe(IChangeListener listener);

    /// <summary>Publishes a change made outside any grain (a committee's record, a panel, a publication) to every node.</summary>
    Task PublishAsync(Change change);
}

/// <summary>
/// This node's end of the cluster's change feed: a grain observer subscribed to <see cref="IChangeFeedGrain"/> once the
/// silo is active (and renewed every <see cref="RenewEvery"/>, so that a feed grain that moved or restarted has this
/// node back within that time),
/// handing each change to the node's listeners in the order it arrived. A listener never holds up the feed: one loop
/// delivers, and a failing listener is logged and skipped.
/// </summary>
public sealed class ChangeFeed(IGrainFactory grains, ILogger<ChangeFeed> logger)
    : IChangeFeed, IChangeObserver, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    private readonly Channel<Change> _queue = Channel.CreateUnbounded<Change>(new() { SingleReader = true });
    private readonly Lock _gate = new();
    private IChangeListener[] _listeners = [];
    private Task? _delivery;
    private IChangeObserver? _reference;
    private CancellationTokenSource? _stopping;
    private Task? _renewal;

    private IChangeFeedGrain Feed => grains.GetGrain<IChangeFeedGrain>(IChangeFeedGrain.Key);

    public Task PublishAsync(Change change) => grains.PublishChangeAsync(change);

    public IDisposable Subscribe(IChangeListener listener)
    {
        lock (_gate) _listeners = [.. _listeners, listener];
        return new Subscription(this, listener);
    }

    public Task OnChangedAsync(Change change)
    {
        _queue.Writer.TryWrite(change);
        return Task.CompletedTask;
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
    }

    private async Task RenewAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await Feed.SubscribeAsync(_reference!);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
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
            foreach (var listener in Volatile.Read(ref _listeners))
            {
                try
                {
                    await listener.OnChangedAsync(change, CancellationToken.None);
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

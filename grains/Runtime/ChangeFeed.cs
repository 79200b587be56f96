using System.Threading.Channels;

namespace Scrutiny.Grains.Runtime;

/// <summary>Receives changes; the silo's hub bridge and the cross-node feed are observers.</summary>
public interface IChangeObserver
{
    ValueTask OnChangedAsync(Change change, CancellationToken cancellationToken);
}

public interface IChangeFeed
{
    void Publish(Change change);

    /// <summary>Subscribes an observer to every change published on this node; dispose to unsubscribe.</summary>
    IDisposable Subscribe(IChangeObserver observer);
}

/// <summary>
/// The node's change feed. Publishing never waits for observers: a grain turn only enqueues, and one loop
/// delivers changes to observers in the order they were published.
/// </summary>
public sealed class ChangeFeed : IChangeFeed, IAsyncDisposable
{
    private readonly Channel<Change> _queue = Channel.CreateUnbounded<Change>(new() { SingleReader = true });
    private readonly Lock _gate = new();
    private IChangeObserver[] _observers = [];
    private readonly Task _delivery;
    private readonly Action<Exception>? _onObserverError;

    public ChangeFeed(Action<Exception>? onObserverError = null)
    {
        _onObserverError = onObserverError;
        _delivery = Task.Run(DeliverAsync);
    }

    public void Publish(Change change) => _queue.Writer.TryWrite(change);

    public IDisposable Subscribe(IChangeObserver observer)
    {
        lock (_gate) _observers = [.. _observers, observer];
        return new Subscription(this, observer);
    }

    private void Unsubscribe(IChangeObserver observer)
    {
        lock (_gate) _observers = [.. _observers.Where(o => !ReferenceEquals(o, observer))];
    }

    private async Task DeliverAsync()
    {
        await foreach (var change in _queue.Reader.ReadAllAsync())
        {
            foreach (var observer in Volatile.Read(ref _observers))
            {
                try
                {
                    await observer.OnChangedAsync(change, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    // One failing observer (a closed connection, say) must not stop the others hearing of changes.
                    _onObserverError?.Invoke(ex);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _delivery;
    }

    private sealed class Subscription(ChangeFeed feed, IChangeObserver observer) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(observer);
    }
}

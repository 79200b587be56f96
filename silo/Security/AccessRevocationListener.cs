using Microsoft.Extensions.Hosting;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;

namespace Scrutiny.Silo.Security;

/// <summary>This node's ear for <see cref="AccessRevocations"/> made on any node: it evicts what the notice names.</summary>
public sealed class AccessRevocationListener(IChangeFeed feed, AccessRevocations revocations) : IChangeListener, IHostedService
{
    private IDisposable? _subscription;

    public ValueTask OnChangedAsync(Change change, CancellationToken cancellationToken)
    {
        revocations.Apply(change);
        return ValueTask.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}

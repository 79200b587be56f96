using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Scrutiny.Silo.Live;

public static class ChangeListening
{
    /// <summary>Adds <typeparamref name="TListener"/> to the node's change feed for as long as the host runs.</summary>
    public static IServiceCollection AddChangeListener<TListener>(this IServiceCollection services) where TListener : class, IChangeListener
    {
        services.AddSingleton<TListener>();
        services.AddHostedService<ListeningWhileRunning<TListener>>();
        return services;
    }
}

/// <summary>Subscribes one listener to the node's change feed when the host starts, and removes it when the host stops.</summary>
public sealed class ListeningWhileRunning<TListener>(IChangeFeed feed, TListener listener) : IHostedService where TListener : IChangeListener
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(listener);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}

using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Runtime;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Hosting;

/// <summary>
/// Joins the nodes' change feeds through PostgreSQL: sends this node's changes with NOTIFY and publishes other
/// nodes' changes locally (so their browsers hear of them) after marking the grains they touched as stale here.
/// </summary>
public sealed class PostgresChangeBridge(Database database, ChangeFeed feed, GrainRuntime runtime, ILogger<PostgresChangeBridge> logger)
    : BackgroundService, IChangeObserver
{
    public const string Channel = "scrutiny_changes";

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node listens, from when on it hears every other node's changes.</summary>
    public Task Listening => _listening.Task;

    public async ValueTask OnChangedAsync(Change change, CancellationToken cancellationToken)
    {
        if (change.Origin != runtime.NodeId) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_notify(@channel, @payload)",
            new { channel = Channel, payload = JsonSerializer.Serialize(change, GrainJson.Options) });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe(this);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)await database.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await connection.ExecuteAsync($"LISTEN {Channel}");
                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A dropped connection loses notifications only while it is down; listen again shortly.
                logger.LogWarning(ex, "Change feed connection lost; listening again");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private void Receive(string payload)
    {
        var change = JsonSerializer.Deserialize<Change>(payload, GrainJson.Options);
        if (change is null || change.Origin == runtime.NodeId) return;
        // A release on another node: this node's grains of the indicator re-read their releases on their next call.
        if (change.Kind == ChangeKinds.Publication && change.Keys.TryGetValue(ChangeKeys.Indicator, out var released))
            runtime.MarkStale(typeof(IIndicatorGrain), key => IndicatorKey.Parse(key).Indicator == released);
        if (change.Keys.TryGetValue(ChangeKeys.Place, out var place))
        {
            runtime.MarkStale(typeof(IPlaceGrain), place);
            if (change.Keys.TryGetValue(ChangeKeys.Indicator, out var indicator))
                runtime.MarkStale(typeof(IIndicatorGrain), IndicatorKey.For(place, indicator));
        }
        feed.Publish(change);
    }
}

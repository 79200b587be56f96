using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Scrutiny.Silo.Store;

/// <summary>While the store is out, asks it every two seconds whether it is back.</summary>
public sealed class StoreStatusProbe(StoreStatus status, Database database, TimeProvider time, ILogger<StoreStatusProbe> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!status.Unavailable) continue;
            try
            {
                // Connections pooled before the outage point at a server that is gone: drop them, then ask.
                database.ClearPool();
                await using var connection = await database.OpenAsync(stoppingToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(stoppingToken);
                logger.LogWarning("The store answers again after an outage since {Since}", status.UnavailableSince);
                status.MarkAvailable();
            }
            catch (Exception ex) when (StoreOutage.IsOutage(ex))
            {
                // Still out: ask again next tick.
            }
        }
    }
}

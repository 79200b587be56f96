using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Scrutiny.Silo.Store;

/// <summary>
/// Whether the store was out at the last attempt, so that pages served from grains' memory say their figures may be
/// out of date. Set by a request that met an outage; cleared by <see cref="StoreStatusProbe"/> once the store answers
/// again.
/// </summary>
public sealed class StoreStatus(TimeProvider time)
{
    private long _unavailableSinceTicks;

    public DateTimeOffset? UnavailableSince =>
        Interlocked.Read(ref _unavailableSinceTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public bool Unavailable => UnavailableSince is not null;

    /// <summary>Raised when the store answers again after an outage: work that waited for it can go on.</summary>
    public event Action? Recovered;

    public void MarkUnavailable() => Interlocked.CompareExchange(ref _unavailableSinceTicks, time.GetUtcNow().UtcTicks, 0);

    internal void MarkAvailable()
    {
        if (Interlocked.Exchange(ref _unavailableSinceTicks, 0) > 0) Recovered?.Invoke();
    }
}

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

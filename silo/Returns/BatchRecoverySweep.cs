using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// On PostgreSQL, where several nodes share the store, looks regularly for batches another node accepted and then
/// died before applying: the start-up pass leaves young batches alone, since their node may still be at work.
/// </summary>
public sealed class BatchRecoverySweep(BatchRecovery recovery, ReturnsOptions options, TimeProvider time, ILogger<BatchRecoverySweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var source = Store.AuditSource.Use(Store.AuditSource.System);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.RecoverySweepSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await recovery.RecoverAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The sweep for interrupted batches failed; it runs again shortly");
            }
        }
    }
}

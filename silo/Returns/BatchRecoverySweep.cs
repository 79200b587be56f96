using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// Looks every few seconds for accepted batches whose instance is dead (on PostgreSQL, another node whose lease ran
/// out) or that a live instance gave up on, and applies them; start-up has already taken this node's own.
/// </summary>
public sealed class BatchRecoverySweep(BatchRecovery recovery, ReturnsOptions options, ILogger<BatchRecoverySweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var source = Store.AuditSource.Use(Store.AuditSource.System);
        // Wall-clock time, as the leases it reads: a test's hand-moved clock must not stop the sweep.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.RecoverySweepSeconds));
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

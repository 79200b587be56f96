using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// A batch committed just before the store went away may not have been applied: when the store answers again, this
/// node applies what is waiting at once, rather than leave accepted values off the pages until the next sweep or a
/// restart. Applying a batch twice changes nothing the second time.
/// </summary>
public sealed class BatchRecoveryAfterOutage(StoreStatus status, BatchRecovery recovery, ILogger<BatchRecoveryAfterOutage> logger)
    : IHostedService
{
    private CancellationTokenSource? _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        status.Recovered += OnRecovered;
        return Task.CompletedTask;
    }

    private void OnRecovered() => _ = Task.Run(async () =>
    {
        using var source = AuditSource.Use(AuditSource.System);
        try
        {
            await recovery.RecoverAsync(_stopping!.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Applying batches after the store came back failed; the sweep or the next start applies them");
        }
    });

    public Task StopAsync(CancellationToken cancellationToken)
    {
        status.Recovered -= OnRecovered;
        _stopping?.Cancel();
        return Task.CompletedTask;
    }
}

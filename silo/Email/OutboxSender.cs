using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Silo.Hosting;

namespace Scrutiny.Silo.Email;

/// <summary>
/// The outbox's sender, on every node: several nodes over one store share the work through the claim's lease, each
/// message going out once. With no SMTP host configured it does not run, and messages wait in the outbox.
/// </summary>
public sealed class OutboxSender(OutboxDelivery delivery, EmailOptions options, NodeInstance self, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Configured)
        {
            logger.LogInformation("No SMTP server is configured ({Section}:Smtp:Host): emails wait in the outbox unsent", EmailOptions.Section);
            return;
        }
        using var source = Store.AuditSource.Use(Store.AuditSource.System);
        // Wall-clock time for the pause, as the other sweeps: a test's hand-moved clock must not stop the sender.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.PollSeconds));
        do
        {
            try
            {
                // A full batch means there may be more: go again at once.
                while (await delivery.RunOnceAsync(self.Id, stoppingToken) >= options.BatchSize) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The outbox sender failed; it tries again shortly");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

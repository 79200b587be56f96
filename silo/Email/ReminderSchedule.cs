using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Silo.Hosting;

namespace Scrutiny.Silo.Email;

/// <summary>
/// Runs the daily reminder checks, residents' place updates and (on its day) the weekly digest from every node: each
/// looks every <see cref="EmailOptions.ReminderCheckMinutes"/> whether today's run is done, and one node does it. Only
/// with an SMTP host configured: a node that sends no email writes no reminders, which would go stale while they waited.
/// </summary>
public sealed class ReminderSchedule(
    ResponseReminders responses, ReturnReminders returns, WeeklyDigest digest, Subscriptions.PlaceUpdates placeUpdates, EmailOptions options,
    NodeInstance self, ILogger<ReminderSchedule> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Configured) return;
        using var source = Store.AuditSource.Use(Store.AuditSource.System);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.ReminderCheckMinutes));
        do
        {
            try
            {
                var written = await responses.RunAsync(self.Id, stoppingToken) + await returns.RunAsync(self.Id, stoppingToken)
                    + await digest.RunAsync(self.Id, stoppingToken);
                if (written > 0) logger.LogInformation("Wrote {Count} reminders to the outbox", written);
                var updates = await placeUpdates.RunAsync(self.Id, stoppingToken);
                if (updates > 0) logger.LogInformation("Wrote {Count} residents' place updates to the outbox", updates);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The daily reminder check failed; it runs again shortly");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Returns;
using Scrutiny.Silo.Seeding;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Hosting;

/// <summary>
/// Runs before the node takes requests, once the silo has started (and brought the schema up to date first of all,
/// <see cref="StoreSchema"/>): recovers this node's interrupted batches, makes sure the publication clock's reminder
/// exists, and, when the embedded database is new, seeds the demo so that a first run shows something.
/// </summary>
public sealed class SiloStartup(StoreSchema schema, DemoSeeder seeder, NodeLeases leases, BatchRecovery recovery,
    IGrainFactory grains, SiloOptions options, ILogger<SiloStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // What recovery and the seed change is the node's own doing: the audit says so.
        using var source = AuditSource.Use(AuditSource.System);
        // Registering supersedes this node's previous process (on SQLite, every previous process), so the batches
        // a crash left it are applied now, before the node takes requests; other live nodes' batches are left alone.
        await leases.RegisterAsync(cancellationToken);
        await recovery.RecoverAsync(cancellationToken);
        // The calendar's clock: its reminder is kept in the cluster's reminder table, so this only makes sure it exists.
        await grains.GetGrain<IPublicationClockGrain>(IPublicationClockGrain.Key).StartAsync();
        if (schema.CreatedNow && options.SeedDemoWhenNew)
        {
            logger.LogInformation("New embedded database: seeding the demo data");
            await seeder.SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

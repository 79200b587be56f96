using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Silo.Returns;
using Scrutiny.Silo.Seeding;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Hosting;

/// <summary>
/// Runs before the node takes requests: upgrades the schema and, when the embedded database is new, seeds the
/// demo so that a first run shows something.
/// </summary>
public sealed class SiloStartup(Database database, SchemaMigrator migrator, DemoSeeder seeder, NodeLeases leases, BatchRecovery recovery,
    SiloOptions options, ILogger<SiloStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StartUpAsync(cancellationToken);
        }
        catch (Exception ex) when (StoreOutage.IsOutage(ex))
        {
            // Say which store and what to do, not only SQLite's or Npgsql's words; the node does not start half-way.
            throw new InvalidOperationException(
                $"The node cannot start: its store ({database.Options.Description}) cannot be reached or written ({ex.Message}). " +
                "Check that the database server is up, or that the disk holding the database has room and is writable, then start again.", ex);
        }
    }

    private async Task StartUpAsync(CancellationToken cancellationToken)
    {
        // What recovery and the seed change is the node's own doing: the audit says so.
        using var source = AuditSource.Use(AuditSource.System);
        var isNew = database.Options.SqlitePath is { } path && !File.Exists(path);
        if (database.Options.SqlitePath is { } file) Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        Console.WriteLine($"Scrutiny store: {database.Options.Description}");
        await migrator.MigrateAsync(cancellationToken);
        // Registering supersedes this node's previous process (on SQLite, every previous process), so the batches
        // a crash left it are applied now, before the node takes requests; other live nodes' batches are left alone.
        await leases.RegisterAsync(cancellationToken);
        await recovery.RecoverAsync(cancellationToken);
        if (isNew && options.SeedDemoWhenNew)
        {
            logger.LogInformation("New embedded database: seeding the demo data");
            await seeder.SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

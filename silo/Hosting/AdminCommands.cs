using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Silo.Cluster;
using Scrutiny.Silo.Seeding;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Hosting;

/// <summary>The silo's admin commands. Each prints what it did; a new key or password is the last line of standard output.</summary>
public static class AdminCommands
{
    public static string Usage { get; } =
        $"""
        usage: silo                                 run a headless node
               silo migrate                         upgrade the store's schema
               silo seed-demo                       add the demo catalogue, agencies, boards and returns
               silo verify                          recompute every aggregate from the ledger and records; exit 1 on any difference
        {ApiKeyCommands.Usage}
        {PersonCommand.Usage}
        The store is ConnectionStrings__Scrutiny, or data/scrutiny.db under the working directory.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Admin commands never seed by surprise; seed-demo does it on purpose.
        builder.Configuration["Scrutiny:Silo:SeedDemoWhenNew"] = "false";
        var needsGrains = args is ["seed-demo"];
        if (needsGrains)
        {
            // The seed writes through grains, so this process runs a silo of its own for the while: on free ports, so
            // that it starts beside a stopped node's configuration, and without the node's own start-up work (it must
            // not take over another process's batches).
            builder.Configuration[$"{ClusterSettings.Section}:SiloPort"] = "0";
            builder.Configuration[$"{ClusterSettings.Section}:GatewayPort"] = "0";
        }
        builder.AddScrutinySilo();
        if (needsGrains)
            foreach (var ours in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == typeof(AdminCommands).Assembly).ToList())
                builder.Services.Remove(ours);
        using var host = builder.Build();
        var services = host.Services;
        var database = services.GetRequiredService<Database>();
        if (database.Options.SqlitePath is { } path) Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Console.WriteLine($"Scrutiny store: {database.Options.Description}");
        var migrated = await services.GetRequiredService<SchemaMigrator>().MigrateAsync();

        switch (args)
        {
            case ["migrate"]:
                Console.WriteLine($"Applied {migrated} migration(s); schema at version {await services.GetRequiredService<SchemaMigrator>().CurrentVersionAsync()}.");
                return 0;
            case ["seed-demo"]:
                await host.StartAsync();
                await services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
                await host.StopAsync();
                Console.WriteLine("Demo data seeded.");
                return 0;
            case ["verify"]:
                return await VerifyCommand.RunAsync(services);
            case ["api-key", .. var rest]:
                return await ApiKeyCommands.RunAsync(services, rest);
            case ["person", "create", .. var options]:
                return await PersonCommand.CreateAsync(services, options);
            case ["person", "reset-password", var email]:
                return await PersonCommand.ResetPasswordAsync(services, email);
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}

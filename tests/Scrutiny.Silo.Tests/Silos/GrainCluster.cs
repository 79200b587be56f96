using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Silos;

/// <summary>
/// Scrutiny's grains on Orleans' own test cluster (<see cref="InProcessTestCluster"/>): one or more silos in this
/// process, each with the real store (a migrated test database with the minimal catalogue) and the real grain storage,
/// and a cluster client that reaches them through a gateway, so that every call and answer crosses the serializer.
/// </summary>
public sealed class GrainCluster : IAsyncDisposable
{
    private GrainCluster(InProcessTestCluster cluster, TestDatabase database) => (Cluster, Database) = (cluster, database);

    public InProcessTestCluster Cluster { get; }

    public TestDatabase Database { get; }

    public IClusterClient Client => Cluster.Client;

    /// <summary>A silo's own services (its grain factory, its node's change feed).</summary>
    public IServiceProvider Silo(int index) => Cluster.GetSiloServiceProvider(Cluster.Silos[index].SiloAddress);

    public static async Task<GrainCluster> StartAsync(StoreEngine engine, short silos = 1)
    {
        var database = await TestDatabase.CreateAsync(engine);
        // Migrated and catalogued as the product's start-up does it, by a node that then stops.
        await using (var node = await TestSilo.StartAsync(database)) await node.SeedMinimalCatalogueAsync();

        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Logging.SetMinimumLevel(LogLevel.Warning);
            host.Services.AddSingleton(StoreOptions.From(database.ConnectionString, Directory.GetCurrentDirectory()));
            host.Services.AddSingleton(TimeProvider.System);
            host.Services.AddSingleton<Database>();
            // The grains read the catalogue as the product's do: the node's copy, caught up with the store first.
            host.Services.AddSingleton<SqlCatalogue>();
            host.Services.AddSingleton<NodeCatalogue>();
            host.Services.AddSingleton<ICatalogue, GrainCatalogue>();
            // Each silo is a node with its own end of the change feed, as in the product.
            host.Services.AddScrutinyGrainServices();
        });
        builder.ConfigureSilo((_, silo) => silo.AddScrutinyGrainStorage());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainCluster(cluster, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }
}

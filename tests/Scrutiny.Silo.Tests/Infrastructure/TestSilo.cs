using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Store;

namespace Scrutiny.Tests.Infrastructure;

/// <summary>
/// A real silo node (an Orleans silo on localhost clustering, store, change feed) on a test database, started as the
/// dashboard starts it.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();
    public SqlCatalogue Catalogue => Services.GetRequiredService<SqlCatalogue>();
    public CatalogueWriter CatalogueWriter => Services.GetRequiredService<CatalogueWriter>();
    public Database Database => Services.GetRequiredService<Database>();

    /// <param name="time">A clock for the node in place of the system's (a test's that stands still or moves by hand).</param>
    /// <param name="services">Services of the test's own, registered before the node's (a hosted service so starts first).</param>
    public static async Task<TestSilo> StartAsync(TestDatabase database, IDictionary<string, string?>? settings = null, TimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        if (time is not null) builder.Services.AddSingleton(time);
        services?.Invoke(builder.Services);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(database.NodeSettings);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddScrutinySilo();
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    /// <inheritdoc cref="MinimalCatalogue.SeedAsync"/>
    public Task SeedMinimalCatalogueAsync() => MinimalCatalogue.SeedAsync(CatalogueWriter);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        // The container holds async-only disposables (the change feed, the PostgreSQL data source).
        if (_host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else _host.Dispose();
    }
}

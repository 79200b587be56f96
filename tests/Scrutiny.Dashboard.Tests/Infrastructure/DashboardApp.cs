using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// The whole dashboard (pages, hub, returns API, silo) on real Kestrel at a free loopback port, over its own fresh
/// SQLite database, so that a browser can reach it and no test sees another's rows.
/// </summary>
public sealed class DashboardApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;

    private DashboardApp(TestDatabase database) => _database = database;

    /// <summary>Where the app listens, such as <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<DashboardApp> StartAsync()
    {
        var app = new DashboardApp(await TestDatabase.CreateAsync(StoreEngine.Sqlite));
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        app.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return app;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings, not app configuration: the silo reads them while Program.cs registers services, before
        // configuration sources added by a factory would apply.
        builder.UseSetting($"ConnectionStrings:{StoreOptions.ConnectionStringName}", _database.ConnectionString);
        builder.UseSetting("Scrutiny:Silo:SeedDemoWhenNew", "false");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;

namespace Scrutiny.Tests.Infrastructure;

/// <summary>A headless silo node on real Kestrel (127.0.0.1, a free port) over a test database.</summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestNode(WebApplication app, Uri address)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;
    public CatalogueWriter CatalogueWriter => Services.GetRequiredService<CatalogueWriter>();

    /// <param name="time">A clock for the node in place of the system's (a test's that it moves by hand).</param>
    public static async Task<TestNode> StartAsync(TestDatabase database, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var app = SiloNode.Build([], builder =>
        {
            if (time is not null) builder.Services.AddSingleton(time);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration.AddInMemoryCollection(database.NodeSettings);
            if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestNode(app, new Uri(address));
    }

    public Task<string> CreateAgencyKeyAsync(string agency) => Services.GetRequiredService<ApiKeyStore>().CreateAsync(agency, isAdmin: false);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

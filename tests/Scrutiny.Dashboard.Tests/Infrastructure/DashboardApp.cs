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
    private readonly bool _ownsDatabase;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private ILoggerProvider? _logs;
    private bool _logsAtDebug = true;

    private DashboardApp(TestDatabase database, bool ownsDatabase, IReadOnlyDictionary<string, string?>? settings = null) =>
        (_database, _ownsDatabase, _settings) = (database, ownsDatabase, settings ?? new Dictionary<string, string?>());

    /// <summary>Where the app listens, such as <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app over a fresh database; <paramref name="settings"/> override configuration (a tiny rate limit, say).</summary>
    public static async Task<DashboardApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        Start(new DashboardApp(await TestDatabase.CreateAsync(StoreEngine.Sqlite), ownsDatabase: true, settings), port: 0);

    /// <summary>The app with every log category configured down to Debug, written to <paramref name="logs"/> as well.</summary>
    public static async Task<DashboardApp> StartLoggingAsync(ILoggerProvider logs) =>
        Start(new DashboardApp(await TestDatabase.CreateAsync(StoreEngine.Sqlite), ownsDatabase: true) { _logs = logs }, port: 0);

    /// <summary>
    /// The app over a fresh database of <paramref name="engine"/>, its warnings and errors written to
    /// <paramref name="logs"/> as well (at the usual levels: a test that reads thousands of answers wants no debug noise).
    /// </summary>
    public static async Task<DashboardApp> StartAsync(StoreEngine engine, ILoggerProvider logs, IReadOnlyDictionary<string, string?>? settings = null) =>
        Start(new DashboardApp(await TestDatabase.CreateAsync(engine), ownsDatabase: true, settings) { _logs = logs, _logsAtDebug = false }, port: 0);

    /// <summary>The app's database, to read directly (a fingerprint of its tables, say).</summary>
    public TestDatabase Database => _database;

    /// <summary>
    /// The app over a database the caller keeps, at <paramref name="port"/> (0: any free one): to stop a server and
    /// start another in its place, as a restart does, with the pages still open.
    /// </summary>
    public static DashboardApp StartOn(TestDatabase database, int port = 0, IReadOnlyDictionary<string, string?>? settings = null) =>
        Start(new DashboardApp(database, ownsDatabase: false, settings), port);

    private static DashboardApp Start(DashboardApp app, int port)
    {
        app.UseKestrel(port);
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
        foreach (var (key, value) in _database.NodeSettings) builder.UseSetting(key, value);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_logs is null || !_logsAtDebug)
        {
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            if (_logs is not null) builder.ConfigureLogging(logging => logging.AddProvider(_logs));
            return;
        }
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
        builder.ConfigureLogging(logging => logging.AddProvider(_logs));
    }

    private readonly List<Func<Task>> _browsers = [];

    /// <summary>
    /// A browser context on this app, closed before the app stops: a live page left open reconnects its hub connection
    /// as the app stops, and the server would then wait out its whole shutdown timeout for that connection to end.
    /// </summary>
    public void CloseBeforeStopping(Func<Task> closeBrowser)
    {
        lock (_browsers) _browsers.Add(closeBrowser);
    }

    public override async ValueTask DisposeAsync()
    {
        List<Func<Task>> browsers;
        lock (_browsers) browsers = [.. _browsers];
        foreach (var close in browsers) await close();
        await base.DisposeAsync();
        if (_ownsDatabase) await _database.DisposeAsync();
    }
}

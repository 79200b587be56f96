using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Scrutiny.Silo.Cluster;

namespace Scrutiny.Cluster.Tests.Infrastructure;

/// <summary>
/// Three (or N) real dashboard nodes as one Orleans cluster over a PostgreSQL database of their own (a copy of the
/// <see cref="DemoDatabase"/>), membership and reminders kept by <see cref="Provider"/>, under a cluster id of their own.
/// Tests add what they need through the admin API, as an administrator would. Nodes are stopped and the database
/// dropped when the fixture is disposed, whatever the tests did to them.
/// </summary>
public abstract class ClusterFixture(ClusterProvider provider, int nodeCount = 3) : IAsyncLifetime
{
    public const string AzuriteVariable = "SCRUTINY_TEST_AZURITE";

    /// <summary>Manchester: a demo place with a partnership board that a test's agency joins.</summary>
    public const string Place = "E08000003";

    private readonly List<NodeProcess> _nodes = [];
    private ClusterDatabase? _database;

    public ClusterProvider Provider => provider;
    public string ClusterId { get; } = $"test-{Guid.NewGuid():N}"[..17];
    public string LogFolder { get; private set; } = "";
    public IReadOnlyList<NodeProcess> Nodes => _nodes;

    /// <summary>Node <paramref name="number"/>, counting from 1 as the logs do.</summary>
    public NodeProcess Node(int number) => _nodes[number - 1];

    public string AdminKey { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        try { await StartAsync(); }
        catch
        {
            // A failed start leaves nothing behind: stop what did start and drop the database (disposing twice is harmless).
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        LogFolder = BuildOutput.LogFolder($"{GetType().Name}-{ClusterId}");
        _database = await DemoDatabase.Current.CopyAsync();
        AdminKey = DemoDatabase.Current.AdminKey;

        var settings = NodeSettings(_database);
        settings["ConnectionStrings__Scrutiny"] = await NodeConnectionStringAsync(_database);
        for (var i = 1; i <= nodeCount; i++) _nodes.Add(new NodeProcess(i, LogFolder, settings));
        // The first alone, so that the others join a cluster that has a member (and find the membership table made).
        await _nodes[0].StartAsync();
        await Task.WhenAll(_nodes.Skip(1).Select(n => n.StartAsync()));
    }

    /// <summary>How the nodes log in to their database: as the tests' own account, unless a cluster says otherwise.</summary>
    protected virtual Task<string> NodeConnectionStringAsync(ClusterDatabase database) => Task.FromResult(database.ConnectionString);

    /// <summary>What the cluster's database needs dropped beyond itself (a login made for it), before it is dropped.</summary>
    protected virtual ValueTask DisposeDatabaseExtrasAsync() => ValueTask.CompletedTask;

    private Dictionary<string, string> NodeSettings(ClusterDatabase database)
    {
        // The settings every test node starts with (TestDatabase.NodeSettings), as the environment variables an
        // operator would set; then this cluster's.
        var settings = database.NodeSettings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");
        // As WebApplicationFactory runs the dashboard's tests: static files straight from the build output.
        settings["ASPNETCORE_ENVIRONMENT"] = "Development";
        settings["Scrutiny__Cluster__Provider"] = provider.ToString();
        settings["Scrutiny__Cluster__ClusterId"] = ClusterId;
        settings["Scrutiny__Cluster__ServiceId"] = ClusterId;
        settings["Scrutiny__Cluster__AdvertisedAddress"] = "127.0.0.1";
        if (provider == ClusterProvider.AzureTables) settings["ConnectionStrings__ScrutinyCluster"] = AzuriteConnectionString();
        return settings;
    }

    private static string AzuriteConnectionString() =>
        Environment.GetEnvironmentVariable(AzuriteVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{AzuriteVariable} is not set: run the tests with ./test.sh, which starts Azurite for them.");

    /// <summary>Starts again any node a test left stopped (one that failed before it could start it itself).</summary>
    public Task StartStoppedNodesAsync() => Task.WhenAll(_nodes.Where(n => !n.IsRunning).Select(n => n.StartAsync()));

    /// <summary>An HTTP client for node <paramref name="number"/> that sends <paramref name="key"/> (an agency's or the administrator's).</summary>
    public HttpClient Client(int number, string key)
    {
        var client = new HttpClient { BaseAddress = Node(number).Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    /// <summary>
    /// An agency of a test's own, on Manchester's boards, with an indicator of its own (monthly count, published on
    /// acceptance) and an API key: made through the admin API on a running node, as an administrator would, so that tests sharing
    /// the cluster never touch each other's figures.
    /// </summary>
    public async Task<TestAgency> NewAgencyAsync(string name)
    {
        var indicator = $"cluster-{name}";
        var code = $"CL-{name.ToUpperInvariant()}";
        using var admin = Client(_nodes.First(n => n.IsRunning).Number, AdminKey);
        await Expect(await admin.PutAsJsonAsync($"/api/v1/indicators/{indicator}", new
        {
            code = indicator, title = $"Cluster test {name}", theme = "cluster_tests", unit = "count", polarity = "no_judgement",
            frequency = "monthly", combine = "sum",
        }));
        await Expect(await admin.PutAsJsonAsync($"/api/v1/agencies/{code}", new
        {
            code, name = $"Cluster test agency {name}", sector = "local_government", places = new[] { Place }, indicators = new[] { indicator },
        }));
        var created = await Expect(await admin.PostAsJsonAsync($"/api/v1/agencies/{code}/keys", new { label = "cluster tests" }));
        using var key = JsonDocument.Parse(created);
        return new TestAgency(this, code, indicator, key.RootElement.GetProperty("key").GetString()!);
    }

    private static async Task<string> Expect(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
            return body;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_nodes.Select(n => n.TerminateAsync(TimeSpan.FromSeconds(20))));
        if (_database is not null) await _database.DisposeAsync();
        await DisposeDatabaseExtrasAsync();
        GC.SuppressFinalize(this);
    }
}

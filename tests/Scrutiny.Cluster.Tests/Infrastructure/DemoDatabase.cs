using Npgsql;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(Scrutiny.Cluster.Tests.Infrastructure.DemoDatabase))]

namespace Scrutiny.Cluster.Tests.Infrastructure;

/// <summary>
/// The demo, seeded once per test run as an operator seeds it (the silo's <c>seed-demo</c> command, then
/// <c>api-key create --admin</c>), into a database that each cluster gets a copy of (<c>CREATE DATABASE … TEMPLATE</c>):
/// the seed takes tens of seconds on a busy machine, a copy a moment.
/// </summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    private static DemoDatabase? _current;
    private TestDatabase? _template;

    public static DemoDatabase Current => _current ?? throw new InvalidOperationException("The demo database has not been made.");

    /// <summary>An administrator's API key, good in every copy.</summary>
    public string AdminKey { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _template = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        var commands = Path.Combine(BuildOutput.LogFolder("demo-database"), "admin-commands.log");
        // Places and boards come only with the demo (there is no API that makes them).
        await AdminCommand.RunAsync(_template.ConnectionString, commands, "seed-demo");
        AdminKey = await AdminCommand.RunAsync(_template.ConnectionString, commands, "api-key", "create", "--admin", "--label", "cluster tests");
        _current = this;
    }

    /// <summary>A new database holding what the demo database holds, dropped when disposed.</summary>
    public async Task<ClusterDatabase> CopyAsync()
    {
        var template = new NpgsqlConnectionStringBuilder(_template!.ConnectionString);
        var name = $"scrutiny_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString()))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template.Database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new ClusterDatabase(new NpgsqlConnectionStringBuilder(template.ConnectionString) { Database = name }.ConnectionString, name);
    }

    internal static string AdminConnectionString() => Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{TestDatabase.PostgresVariable} is not set: run the tests with ./test.sh, which starts PostgreSQL for them.");

    public async ValueTask DisposeAsync()
    {
        if (_template is not null) await _template.DisposeAsync();
    }
}

/// <summary>One cluster's copy of the demo database (<see cref="DemoDatabase.CopyAsync"/>).</summary>
public sealed class ClusterDatabase(string connectionString, string name) : IAsyncDisposable
{
    /// <summary>The value for <c>ConnectionStrings:Scrutiny</c>.</summary>
    public string ConnectionString => connectionString;

    /// <summary>The settings every test node starts with (<see cref="TestDatabase.NodeSettingsFor"/>).</summary>
    public IReadOnlyDictionary<string, string?> NodeSettings => TestDatabase.NodeSettingsFor(connectionString);

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(DemoDatabase.AdminConnectionString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

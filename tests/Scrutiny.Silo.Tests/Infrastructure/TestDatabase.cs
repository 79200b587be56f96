using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Scrutiny.Silo.Store;

namespace Scrutiny.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test: a new SQLite file in a temporary folder, or a new database on the
/// PostgreSQL server that ./test.sh starts (SCRUTINY_TEST_POSTGRES). Dropped when disposed, so that no test sees
/// another's rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SCRUTINY_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _postgresName;

    private TestDatabase(StoreEngine engine, string connectionString, string? folder, string? postgresName)
    {
        (Engine, ConnectionString, _folder, _postgresName) = (engine, connectionString, folder, postgresName);
    }

    public StoreEngine Engine { get; }

    /// <summary>The value for <c>ConnectionStrings:Scrutiny</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The configuration every test node on this database starts with (<see cref="NodeSettingsFor"/>).</summary>
    public IReadOnlyDictionary<string, string?> NodeSettings => NodeSettingsFor(ConnectionString);

    /// <summary>
    /// What a test node is configured with, in process or as a separate one: its store, no demo seed, and an Orleans silo
    /// on free ports (many nodes run in one test process) with a small directory cache (a test process holds hundreds of
    /// nodes over its life).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> NodeSettingsFor(string connectionString) => new Dictionary<string, string?>
    {
        [$"ConnectionStrings:{StoreOptions.ConnectionStringName}"] = connectionString,
        ["Scrutiny:Silo:SeedDemoWhenNew"] = "false",
        ["Scrutiny:Cluster:SiloPort"] = "0",
        ["Scrutiny:Cluster:GatewayPort"] = "0",
        ["Scrutiny:Cluster:DirectoryCacheSize"] = "1000",
    };

    public static async Task<TestDatabase> CreateAsync(StoreEngine engine)
    {
        if (engine == StoreEngine.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("scrutiny-test-").FullName;
            return new TestDatabase(engine, $"Data Source={Path.Combine(folder, "scrutiny.db")}", folder, null);
        }
        var admin = AdminConnectionString();
        var name = $"scrutiny_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(engine, builder.ConnectionString, null, name);
    }

    /// <summary>A SQLite database in <paramref name="folder"/> (a small disk a test mounted, say), deleted with it.</summary>
    public static TestDatabase SqliteIn(string folder) =>
        new(StoreEngine.Sqlite, $"Data Source={Path.Combine(folder, "scrutiny.db")}", folder, null);

    /// <summary>The store on this database with every migration applied, as a node opens it; the caller disposes it.</summary>
    public async Task<Database> MigratedStoreAsync()
    {
        var database = new Database(StoreOptions.From(ConnectionString, Directory.GetCurrentDirectory()));
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        return database;
    }

    private static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run the tests with ./test.sh, which starts PostgreSQL for them.");

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Scrutiny.Silo.Store.GatedSqliteConnection.ClearPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a straggling handle; temp is cleaned anyway */ }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(AdminConnectionString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

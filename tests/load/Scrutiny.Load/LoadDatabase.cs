using Microsoft.Data.Sqlite;
using Npgsql;

namespace Scrutiny.Load;

/// <summary>
/// A fresh database for one run, dropped after it: on PostgreSQL a new database on the server <c>SCRUTINY_TEST_POSTGRES</c>
/// names (an admin connection string), on SQLite a file in a new temporary folder. The folder also holds the product's log.
/// </summary>
public sealed class LoadDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SCRUTINY_TEST_POSTGRES";

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    private readonly string? _postgresName;

    private LoadDatabase(StoreKind engine, string connectionString, string folder, string? postgresName) =>
        (Engine, ConnectionString, Folder, _postgresName) = (engine, connectionString, folder, postgresName);

    public StoreKind Engine { get; }
    public string ConnectionString { get; }
    public string Folder { get; }

    /// <summary>The SQLite file of the ledger-shaped table the ingest's bulk insert fills, beside the product's.</summary>
    public string SqliteCeilingFile => Path.Combine(Folder, "ceiling.db");

    public static async Task<LoadDatabase> CreateAsync(StoreKind engine)
    {
        var folder = Directory.CreateTempSubdirectory("scrutiny-load-").FullName;
        if (engine == StoreKind.Sqlite)
            return new LoadDatabase(engine, $"Data Source={Path.Combine(folder, "scrutiny.db")}", folder, null);
        var name = $"scrutiny_load_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(PostgresAdmin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new LoadDatabase(engine, new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name }.ConnectionString, folder, name);
    }

    /// <summary>The store's size on disk, in MB: the database's on PostgreSQL, the file with its write-ahead log on SQLite.</summary>
    public async Task<double> SizeMegabytesAsync()
    {
        if (_postgresName is null)
            return Directory.EnumerateFiles(Folder, "scrutiny.db*").Sum(f => new FileInfo(f).Length) / 1048576.0;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await size.ExecuteScalarAsync())! / 1048576.0;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a file still held: the temporary folder is the system's to clear */ }
    }
}

namespace Scrutiny.Silo.Store;

/// <summary>
/// Where the store is: PostgreSQL when <c>ConnectionStrings:Scrutiny</c> is a PostgreSQL connection string,
/// otherwise the embedded SQLite file <c>data/scrutiny.db</c> under the working directory.
/// </summary>
public sealed record StoreOptions(StoreEngine Engine, string ConnectionString, string Description)
{
    public const string ConnectionStringName = "Scrutiny";

    public static StoreOptions From(string? connectionString, string workingDirectory)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var path = Path.GetFullPath(Path.Combine(workingDirectory, "data", "scrutiny.db"));
            return Sqlite(path);
        }
        if (IsPostgres(connectionString))
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return new StoreOptions(StoreEngine.Postgres, connectionString,
                $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}");
        }
        var sqlite = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        return Sqlite(Path.GetFullPath(sqlite.DataSource, workingDirectory));
    }

    public static StoreOptions Sqlite(string path) =>
        new(StoreEngine.Sqlite, $"Data Source={path};Pooling=True;Default Timeout=30", $"SQLite database {path}");

    /// <summary>The SQLite file, when the store is embedded.</summary>
    public string? SqlitePath => Engine == StoreEngine.Sqlite
        ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource
        : null;

    private static bool IsPostgres(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) ||
        connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase);
}

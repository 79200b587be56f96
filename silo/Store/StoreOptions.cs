namespace Scrutiny.Silo.Store;

/// <summary>
/// Where the store is: PostgreSQL when <c>ConnectionStrings:Scrutiny</c> is a PostgreSQL connection string,
/// otherwise the embedded SQLite file <c>data/scrutiny.db</c> under the working directory.
/// </summary>
public sealed record StoreOptions(StoreEngine Engine, string ConnectionString, string Description)
{
    public const string ConnectionStringName = "Scrutiny";

    /// <summary>
    /// The most PostgreSQL connections one node holds (its pool), unless the connection string says
    /// <c>Maximum Pool Size</c> itself: nodes × this, plus room for administrators and migrations, must stay within the
    /// server's <c>max_connections</c>. A request that finds the pool busy waits for a connection up to the connection
    /// string's <c>Timeout</c> (15 s by default), then gets 503 with Retry-After.
    /// </summary>
    public const string MaxPoolSizeSetting = "Scrutiny:Store:MaxPoolSize";

    /// <summary>Npgsql's own default is 100: five nodes would take all of a default server's connections.</summary>
    public const int DefaultMaxPoolSize = 20;

    public static StoreOptions From(string? connectionString, string workingDirectory, int maxPoolSize = DefaultMaxPoolSize)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var path = Path.GetFullPath(Path.Combine(workingDirectory, "data", "scrutiny.db"));
            return Sqlite(path);
        }
        if (IsPostgres(connectionString))
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            if (!SetsPoolSize(connectionString))
            {
                if (maxPoolSize < 1) throw new InvalidOperationException($"{MaxPoolSizeSetting} must be 1 or more (it is {maxPoolSize}).");
                builder.MaxPoolSize = maxPoolSize;
            }
            // A pooled connection is handed back as it is, not reset with DISCARD ALL before its next use: the product keeps
            // nothing in a session (its advisory locks are the transaction's), and the reset, sent on every reuse, also
            // threw away the server's cached plans (687 times in a 200,000-row import, 34 times a batch).
            if (!Sets(connectionString, "NoResetOnClose")) builder.NoResetOnClose = true;
            return new StoreOptions(StoreEngine.Postgres, builder.ConnectionString,
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

    // Npgsql reads the setting under either of its names (Maximum Pool Size, MaxPoolSize), in any case.
    private static bool SetsPoolSize(string connectionString) => Sets(connectionString, "MaximumPoolSize") || Sets(connectionString, "MaxPoolSize");

    /// <summary>Whether the connection string names the setting, however spaced and cased.</summary>
    private static bool Sets(string connectionString, string setting)
    {
        var parsed = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return parsed.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals(setting, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsPostgres(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) ||
        connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase);
}

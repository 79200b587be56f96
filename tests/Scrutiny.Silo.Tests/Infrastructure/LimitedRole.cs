using Npgsql;

namespace Scrutiny.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL login that owns a test database and may hold at most a given number of connections, as an operator's
/// account for the product would. Not a superuser: PostgreSQL holds superusers to no connection limit, so the tests'
/// own account could never reach one.
/// </summary>
public sealed class LimitedRole : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _database;

    private LimitedRole(string admin, string database, string name, string connectionString) =>
        (_admin, _database, Name, ConnectionString) = (admin, database, name, connectionString);

    public string Name { get; }

    /// <summary>The database as this role: the value for <c>ConnectionStrings:Scrutiny</c>.</summary>
    public string ConnectionString { get; }

    public static async Task<LimitedRole> CreateAsync(TestDatabase database, int connectionLimit)
    {
        var admin = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres" };
        var databaseName = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
        var name = $"scrutiny_role_{Guid.NewGuid():N}";
        var password = Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin.ConnectionString,
            $"CREATE ROLE {name} LOGIN PASSWORD '{password}' CONNECTION LIMIT {connectionLimit}; ALTER DATABASE {databaseName} OWNER TO {name}");
        var asRole = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = name, Password = password };
        return new LimitedRole(admin.ConnectionString, databaseName, name, asRole.ConnectionString);
    }

    public Task SetLimitAsync(int connectionLimit) => ExecuteAsync(_admin, $"ALTER ROLE {Name} CONNECTION LIMIT {connectionLimit}");

    /// <summary>The role's connections open just now, the product's and anyone else's.</summary>
    public async Task<long> ConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM pg_stat_activity WHERE usename = '{Name}'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await ExecuteAsync(_admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{Name}'");
        // The tables it made, and the database, go back to the tests' account, which drops them with the database.
        var inDatabase = new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString;
        await ExecuteAsync(inDatabase, $"REASSIGN OWNED BY {Name} TO CURRENT_USER; DROP OWNED BY {Name}");
        await ExecuteAsync(_admin, $"DROP ROLE IF EXISTS {Name}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

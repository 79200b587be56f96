using Scrutiny.Silo.Cluster;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Scrutiny.Cluster.Tests.Infrastructure;

// One cluster at a time: three nodes are three .NET processes, and the machine running the tests may have two cores.

/// <summary>Three nodes with membership in PostgreSQL, shared by the tests that leave every node running.</summary>
public sealed class PostgreSqlCluster() : ClusterFixture(ClusterProvider.PostgreSql)
{
    public const string Collection = "PostgreSql cluster";
}

/// <summary>Three nodes with membership in Azure Table Storage (Azurite), data in PostgreSQL; shared like <see cref="PostgreSqlCluster"/>.</summary>
public sealed class AzureTablesCluster() : ClusterFixture(ClusterProvider.AzureTables)
{
    public const string Collection = "AzureTables cluster";
}

/// <summary>Three nodes with membership in PostgreSQL that the tests kill, stop and start again: shared with no other test.</summary>
public sealed class PostgreSqlFailoverCluster() : ClusterFixture(ClusterProvider.PostgreSql)
{
    public const string Collection = "PostgreSql failover cluster";
}

/// <summary>Three nodes with membership in Azure Table Storage that the tests kill, stop and start again.</summary>
public sealed class AzureTablesFailoverCluster() : ClusterFixture(ClusterProvider.AzureTables)
{
    public const string Collection = "AzureTables failover cluster";
}

[CollectionDefinition(PostgreSqlCluster.Collection)]
public sealed class PostgreSqlClusterCollection : ICollectionFixture<PostgreSqlCluster>;

[CollectionDefinition(AzureTablesCluster.Collection)]
public sealed class AzureTablesClusterCollection : ICollectionFixture<AzureTablesCluster>;

[CollectionDefinition(PostgreSqlFailoverCluster.Collection)]
public sealed class PostgreSqlFailoverClusterCollection : ICollectionFixture<PostgreSqlFailoverCluster>;

[CollectionDefinition(AzureTablesFailoverCluster.Collection)]
public sealed class AzureTablesFailoverClusterCollection : ICollectionFixture<AzureTablesFailoverCluster>;

/// <summary>Three nodes with membership in PostgreSQL for the failover, push and import figures (<c>ClusterFiguresTests</c>).</summary>
public sealed class PostgreSqlFiguresCluster() : ClusterFixture(ClusterProvider.PostgreSql)
{
    public const string Collection = "PostgreSql figures cluster";
}

[CollectionDefinition(PostgreSqlFiguresCluster.Collection)]
public sealed class PostgreSqlFiguresClusterCollection : ICollectionFixture<PostgreSqlFiguresCluster>;

/// <summary>
/// Three nodes on PostgreSql membership logging in as an operator's account held to 97 connections, what a server at
/// PostgreSQL's default <c>max_connections</c> of 100 leaves after its 3 reserved for superusers (the tests' own server
/// allows more, and holds its superuser to no limit at all).
/// </summary>
public sealed class PostgreSqlConnectionLimitCluster() : ClusterFixture(ClusterProvider.PostgreSql)
{
    public const string Collection = "PostgreSql connection limit cluster";
    public const int ConnectionLimit = 97;

    private readonly string _role = $"scrutiny_role_{Guid.NewGuid():N}";

    public string Role => _role;

    protected override async Task<string> NodeConnectionStringAsync(ClusterDatabase database)
    {
        var password = Guid.NewGuid().ToString("N");
        var name = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        await ExecuteAsync(DemoDatabase.AdminConnectionString(), $"CREATE ROLE {_role} LOGIN PASSWORD '{password}' CONNECTION LIMIT {ConnectionLimit}");
        // The demo's tables belong to the tests' account: the operator's account is given what the product needs of them.
        await ExecuteAsync(database.ConnectionString,
            $"GRANT CONNECT, TEMPORARY ON DATABASE {name} TO {_role}; GRANT USAGE, CREATE ON SCHEMA public TO {_role}; " +
            $"GRANT ALL ON ALL TABLES IN SCHEMA public TO {_role}; GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {_role}");
        return new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = _role, Password = password }.ConnectionString;
    }

    protected override async ValueTask DisposeDatabaseExtrasAsync() =>
        await ExecuteAsync(DemoDatabase.AdminConnectionString(), $"DROP ROLE IF EXISTS {_role}");

    /// <summary>The connections the nodes' account holds open just now.</summary>
    public async Task<long> ConnectionsAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(DemoDatabase.AdminConnectionString());
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand($"SELECT COUNT(*) FROM pg_stat_activity WHERE usename = '{_role}'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(PostgreSqlConnectionLimitCluster.Collection)]
public sealed class PostgreSqlConnectionLimitClusterCollection : ICollectionFixture<PostgreSqlConnectionLimitCluster>;

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

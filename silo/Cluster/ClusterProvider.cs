namespace Scrutiny.Silo.Cluster;

/// <summary>Where a cluster keeps who its members are and its reminders (<c>Scrutiny:Cluster:Provider</c>).</summary>
public enum ClusterProvider
{
    /// <summary>One node on its own (the embedded SQLite default); reminders in the store.</summary>
    Localhost,

    /// <summary>Membership and reminders in the PostgreSQL database that holds the data; any number of nodes.</summary>
    PostgreSql,

    /// <summary>Membership and reminders in Azure Table Storage (<c>ConnectionStrings:ScrutinyCluster</c>); data in PostgreSQL.</summary>
    AzureTables,
}

using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Cluster;

public static class ClusterHosting
{
    /// <summary>The Azure Table Storage account that holds membership and reminders on <see cref="ClusterProvider.AzureTables"/>.</summary>
    public const string AzureTablesConnectionStringName = "ScrutinyCluster";

    /// <summary>
    /// How this node finds the rest of its cluster (<see cref="ClusterSettings.Provider"/>), where its silo listens and
    /// what it tells the others, and how quickly a dead node is noticed.
    /// </summary>
    public static ISiloBuilder UseScrutinyCluster(this ISiloBuilder silo, ClusterSettings settings, IConfiguration configuration, StoreOptions store)
    {
        var siloPort = ClusterSettings.Resolve(settings.SiloPort);
        var gatewayPort = ClusterSettings.Resolve(settings.GatewayPort);
        if (settings.Provider == ClusterProvider.Localhost)
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            silo.UseStoreReminders();
            return silo;
        }

        // Several nodes share one copy of the data: an embedded SQLite file belongs to one machine.
        if (store.Engine != StoreEngine.Postgres)
            throw new InvalidOperationException(
                $"{ClusterSettings.Section}:Provider {settings.Provider} needs the data in PostgreSQL (ConnectionStrings:{StoreOptions.ConnectionStringName}); " +
                $"the embedded SQLite database serves one node only ({ClusterSettings.Section}:Provider Localhost).");
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = AdvertisedAddress(settings.AdvertisedAddress);
            o.SiloPort = siloPort;
            o.GatewayPort = gatewayPort;
        });
        silo.Configure<ClusterMembershipOptions>(FailoverTimings.Apply);

        if (settings.Provider == ClusterProvider.PostgreSql)
        {
            silo.Services.AddSingleton<IMembershipTable, SqlMembershipTable>();
            silo.UseStoreReminders();
            return silo;
        }

        var tables = configuration.GetConnectionString(AzureTablesConnectionStringName);
        if (string.IsNullOrWhiteSpace(tables))
            throw new InvalidOperationException(
                $"{ClusterSettings.Section}:Provider AzureTables needs the Azure Table Storage connection string ConnectionStrings:{AzureTablesConnectionStringName}.");
        silo.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(tables));
        silo.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(tables));
        return silo;
    }

    /// <summary>Orleans reminders in the project's own store (<see cref="SqlReminderTable"/>): the product's silo and the tests' cluster.</summary>
    public static ISiloBuilder UseStoreReminders(this ISiloBuilder silo)
    {
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, SqlReminderTable>();
        return silo;
    }

    /// <summary>
    /// The address given, or the name given resolved to its first IPv4 address (a container's service name), or else this
    /// machine's first IPv4 address that is up and not loopback.
    /// </summary>
    internal static IPAddress AdvertisedAddress(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (IPAddress.TryParse(configured, out var address)) return address;
            return Dns.GetHostAddresses(configured).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                   ?? throw new InvalidOperationException($"{ClusterSettings.Section}:AdvertisedAddress '{configured}' has no IPv4 address.");
        }
        return NetworkInterface.GetAllNetworkInterfaces()
                   .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                   .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                   .Select(u => u.Address)
                   .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
               ?? throw new InvalidOperationException(
                   $"This machine has no IPv4 address other silos could reach; set {ClusterSettings.Section}:AdvertisedAddress.");
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Scrutiny.Silo.Hosting;

/// <summary>Renews this instance's lease three times a lease, so that one slow renewal does not make it look dead.</summary>
public sealed class NodeHeartbeat(NodeLeases leases, ILogger<NodeHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(leases.Lease / 3);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!await leases.RenewAsync(stoppingToken))
                    logger.LogWarning("Another process started under this node's name ({Node}) and took this one for dead; give each node its own Scrutiny:Silo:NodeName",
                        leases.Self.Name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not renew the node's lease; other nodes may take over its work if this goes on");
            }
        }
    }
}

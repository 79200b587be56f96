using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Silo.Hosting;

namespace Scrutiny.Silo.Cluster;

/// <summary>
/// Hears the cluster declare a silo dead and marks the node instance that ran it dead in the store, so that what it
/// held (an Idempotency-Key's reservation, an accepted batch not yet applied) is taken over by the next retry or the
/// recovery sweep within seconds. Every node does this; the marking is the same whoever writes it first.
/// </summary>
public sealed class DeadSilos(IClusterMembershipService membership, NodeLeases leases, ILogger<DeadSilos> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var known = new HashSet<SiloAddress>();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                foreach (var dead in snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead && !known.Contains(m.SiloAddress)).ToList())
                {
                    try
                    {
                        if (await leases.SupersedeSiloAsync(dead.SiloAddress, stoppingToken))
                            logger.LogWarning("Silo {Silo} ({Name}) was declared dead; what its node held is taken over", dead.SiloAddress, dead.Name);
                        known.Add(dead.SiloAddress);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The lease still runs out in time; the next membership change tries again.
                        logger.LogWarning(ex, "Could not mark the node of dead silo {Silo} as dead", dead.SiloAddress);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

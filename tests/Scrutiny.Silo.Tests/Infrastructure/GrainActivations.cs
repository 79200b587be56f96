using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Tests.Infrastructure;

/// <summary>How many of Scrutiny's grains are active in a node's silo, as Orleans' management grain counts them.</summary>
public static class GrainActivations
{
    private static readonly HashSet<string> Ours = [GrainStates.Indicator, GrainStates.Place, GrainStates.PartnershipBoard];

    public static async Task<int> CountAsync(IServiceProvider services)
    {
        var statistics = await services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => Ours.Contains(s.GrainType)).Sum(s => s.ActivationCount);
    }
}

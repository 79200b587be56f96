using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Silo.Hosting;

/// <summary>
/// Tells the active indicator grains of some indicators, wherever in the cluster they are, that the catalogue changed
/// (a definition edited, a period released), so that they read it again. Grains not active read it when activated.
/// </summary>
public sealed class ActiveIndicatorGrains(IGrainFactory grains)
{
    public async Task CatalogueChangedAsync(IEnumerable<string> indicatorCodes)
    {
        var codes = indicatorCodes.ToHashSet(StringComparer.Ordinal);
        if (codes.Count == 0) return;
        var active = await grains.GetGrain<IManagementGrain>(0).GetActiveGrains(GrainType.Create(GrainStates.Indicator));
        await Task.WhenAll(active
            .Select(id => id.Key.ToString()!)
            .Where(key => codes.Contains(IndicatorKey.Parse(key).Indicator))
            .Select(key => grains.GetGrain<IIndicatorGrain>(key).OnCatalogueChangedAsync()));
    }
}

using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Silo.Hosting;

/// <summary>
/// Tells the active indicator grains of some indicators, wherever in the cluster they are, that the catalogue changed
/// (a definition edited, a period released), so that they read it again. Grains not active read it when activated.
/// </summary>
public sealed class ActiveIndicatorGrains(IGrainFactory grains, IChangePublisher feed, PublishedPoints published, TimeProvider time)
{
    public async Task CatalogueChangedAsync(IEnumerable<string> indicatorCodes)
    {
        var codes = indicatorCodes.ToHashSet(StringComparer.Ordinal);
        if (codes.Count == 0) return;
        var active = await grains.GetGrain<IManagementGrain>(0).GetActiveGrains(GrainType.Create(GrainStates.Indicator));
        await Task.WhenAll(active
            .Select(id => id.Key.ToString()!)
            .Where(key => codes.Contains(IndicatorKey.Parse(key).Indicator))
            .Select(key => grains.Grain<IIndicatorGrain>(key).OnCatalogueChangedAsync()));
        // Then every node forgets the points it kept of these indicators (PublishedPoints): this one at once, the others
        // by a change that goes to no page, only to the nodes.
        foreach (var code in codes) published.Forget(code);
        await feed.PublishAsync([.. codes.Select(code => new Change(CatalogueChangedKind,
            new Dictionary<string, string> { [ChangeKeys.Indicator] = code }, [], null, null, time.GetUtcNow()))]);
    }

    /// <summary>The change every node hears when an indicator's definition or releases changed.</summary>
    public const string CatalogueChangedKind = "catalogue-changed";
}


namespace Scrutiny.Grains.Contracts;

/// <summary>A place's latest outcomes as a reader may see them.</summary>
public static class PlaceSummaries
{
    /// <summary>
    /// The place grain's summary for <see cref="DataView.All"/>; for <see cref="DataView.Published"/>, each indicator's
    /// latest published period with the icons of its published series (an indicator with nothing published is left
    /// out). Called from outside any grain: see <see cref="IPlaceGrain.GetSummaryAsync"/>.
    /// </summary>
    public static Task<PlaceSummary> GetPlaceSummaryAsync(this IGrainFactory grains, string placeCode, DataView view) =>
        grains.GetPlaceSummaryAsync(placeCode, view, (_, read) => read());

    /// <inheritdoc cref="GetPlaceSummaryAsync(IGrainFactory, string, DataView)"/>
    /// <param name="publishedLatest">Gives an indicator's latest published value, calling the read it is handed when it
    /// keeps no copy (a node's copy of published values).</param>
    public static async Task<PlaceSummary> GetPlaceSummaryAsync(this IGrainFactory grains, string placeCode, DataView view,
        Func<string, Func<Task<IndicatorLatest?>>, Task<IndicatorLatest?>> publishedLatest)
    {
        var summary = await grains.Grain<IPlaceGrain>(placeCode).GetSummaryAsync();
        if (view == DataView.All) return summary;
        var published = await Task.WhenAll(summary.Latest.Select(l => publishedLatest(l.Indicator, () =>
            grains.IndicatorGrain(placeCode, l.Indicator).GetLatestAsync(DataView.Published))));
        return summary with { Latest = [.. published.OfType<IndicatorLatest>()] };
    }
}

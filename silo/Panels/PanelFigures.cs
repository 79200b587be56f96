using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Grains.Statistics.ConfidenceIntervals;
using Scrutiny.Grains.Statistics.Spc;
using Scrutiny.Grains.Statistics.Trends;
using Scrutiny.Silo.Benchmarks;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Panels;

/// <summary>
/// One figure of a panel as it stands: the place's latest value of the indicator with what the statistics say of
/// its series (from the indicator grain, which has the change before anyone hears of it), its 95% interval, the
/// comparison with England (from <see cref="BenchmarkService"/>, as the indicator page shows it) and the agencies
/// whose returns made it. <see cref="Latest"/> is null while no agency has returned a value.
/// </summary>
public sealed record PanelFigure(int Position, Place Place, IndicatorDefinition Indicator, LatestFigure? Latest, ComparatorBenchmark? England);

/// <summary>The latest period of a series: its value and interval, the series' icons and trend, and its sources.</summary>
public sealed record LatestFigure(
    string Period, double? Value, ConfidenceInterval? Interval95, VariationIcon? VariationIcon, AssuranceIcon? AssuranceIcon,
    RecentTrend RecentTrend, IReadOnlyList<string> Sources);

/// <summary>A panel's figures, read from the grains and the benchmarks when the panel is shown or exported.</summary>
public sealed class PanelFigures(ICatalogueReader catalogue, BenchmarkService benchmarks)
{
    /// <summary>
    /// Every item's figure in the panel's order, as <paramref name="outcomes"/>' reader may see it; an item whose place
    /// or indicator has left the catalogue is left out.
    /// </summary>
    public async Task<IReadOnlyList<PanelFigure>> ForAsync(VisibleOutcomes outcomes, Panel panel, CancellationToken cancellationToken = default)
    {
        var places = await catalogue.PlaceHierarchyAsync(cancellationToken);
        var indicators = (await catalogue.ListIndicatorsAsync(cancellationToken)).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var items = panel.Items.Select((item, i) => (Position: i + 1, item))
            .Where(x => places.ByCode.ContainsKey(x.item.Place) && indicators.ContainsKey(x.item.Indicator)).ToList();
        return await Task.WhenAll(items.Select(x => FigureAsync(outcomes, x.Position, places.ByCode[x.item.Place], indicators[x.item.Indicator], places)));
    }

    private async Task<PanelFigure> FigureAsync(VisibleOutcomes outcomes, int position, Place place, IndicatorDefinition indicator, PlaceHierarchy places)
    {
        var series = await outcomes.SeriesAsync(place.Code, indicator.Code);
        if (series.Points.Count == 0) return new PanelFigure(position, place, indicator, null, null);
        var (point, statistics) = (series.Points[^1], series.Statistics);
        // Parent and England only: a panel needs no comparator groups or quintiles, which read many more grains.
        var benchmark = await benchmarks.CompareWithParentAndEnglandAsync(outcomes, place, indicator, point.Period, places);
        return new PanelFigure(position, place, indicator,
            new LatestFigure(point.Period, point.Value, benchmark.Own.Interval95, statistics.VariationIcon, statistics.AssuranceIcon,
                statistics.RecentTrend.Trend, [.. point.Contributions.Select(c => c.Agency).Distinct().Order(StringComparer.Ordinal)]),
            benchmark.England);
    }
}

using Scrutiny.Dashboard.Presentation;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Comparisons;

namespace Scrutiny.Dashboard.Comparisons;

/// <summary>
/// A comparison as a <c>bar-intervals</c> chart's data: the places in the comparison's order (best first), each with
/// its 95% interval and its outcome against England, the group's own place highlighted, and England as the reference
/// line. Places without a value for the period have no bar; the table beside the chart lists them.
/// </summary>
public static class ComparisonChart
{
    public static BarIntervalsChart For(Comparison comparison)
    {
        var format = ValueFormat.For(comparison.Indicator.Unit);
        return new BarIntervalsChart(Caption(comparison), format.Suffix, format.Decimals,
            [.. comparison.Places.Where(p => p.Value is not null).Select(p => new BarIntervalItem(p.Place.Name, p.Place.Code, p.Value,
                p.Interval95?.Lower, p.Interval95?.Upper, p.Place.Code == comparison.Scope.HomePlace,
                comparison.England is null ? null : CatalogueNames.Name(p.VersusEngland)))],
            comparison.England is { Value: { } england } e ? new ChartReference(e.Place.Name, england) : null);
    }

    public static string Caption(Comparison comparison) => $"{comparison.Indicator.Title}, {comparison.Period}";
}

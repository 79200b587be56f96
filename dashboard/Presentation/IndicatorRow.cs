using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Dashboard.Presentation;

/// <summary>One indicator of the catalogue in a place, with its latest value where any agency has returned one.</summary>
public sealed record IndicatorRow(IndicatorDefinition Indicator, IndicatorLatest? Latest)
{
    public ValueFormat Format => ValueFormat.For(Indicator.Unit);

    /// <summary>The latest value as the page shows it; null when no agency has returned one.</summary>
    public string? ValueText => Latest is null ? null : Format.Format(Latest.Value);

    /// <summary>Every indicator of the catalogue, by theme and then title, so that gaps in the returns show.</summary>
    public static IReadOnlyList<IGrouping<string, IndicatorRow>> ByTheme(
        IEnumerable<IndicatorDefinition> indicators, IEnumerable<IndicatorLatest> latest)
    {
        var byCode = latest.ToDictionary(l => l.Indicator, StringComparer.Ordinal);
        return [.. indicators
            .Select(i => new IndicatorRow(i, byCode.GetValueOrDefault(i.Code)))
            .OrderBy(r => r.Indicator.Theme, StringComparer.Ordinal)
            .ThenBy(r => r.Indicator.Title, StringComparer.Ordinal)
            .GroupBy(r => r.Indicator.Theme)];
    }
}

using Microsoft.AspNetCore.Components;
using Scrutiny.Dashboard.Components.Pages;
using Scrutiny.Dashboard.Presentation;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Silo.Benchmarks;
using Scrutiny.Silo.Scorecards;

namespace Scrutiny.Dashboard.Components.Scorecards;

/// <summary>
/// A scorecard table's rows, written out (see <see cref="HtmlMarkup"/>): a place page has one for every indicator of
/// the catalogue, a hundred at England's size, each of about forty elements and attributes. Each row keeps live.js's
/// hooks (data-live-place, -indicator, -value, -period), and every verdict is a tag in words with its API name in
/// data-value.
/// </summary>
public static class ScorecardRowsMarkup
{
    private const string Cell = "<td class=\"govuk-table__cell\">";

    public static RenderFragment Of(IReadOnlyList<ScorecardRow> rows, string placeCode, bool showTheme) =>
        HtmlMarkup.Each(rows, (html, row) => Row(html, row, placeCode, showTheme));

    private static void Row(HtmlMarkup html, ScorecardRow row, string placeCode, bool showTheme)
    {
        var format = ValueFormat.For(row.Indicator.Unit);
        var latest = row.Latest;
        html.Raw("<tr class=\"govuk-table__row\"").Attribute("data-live-place", placeCode).Attribute("data-live-indicator", row.Indicator.Code)
            .Raw("><th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\"")
            .Attribute("href", IndicatorPage.Href(placeCode, row.Indicator.Code)).Raw(">").Text(row.Indicator.Title).Raw("</a></th>");
        if (showTheme) html.Raw(Cell).Text(Labels.Humanise(row.Indicator.Theme)).Raw("</td>");
        html.Raw("<td class=\"govuk-table__cell govuk-table__cell--numeric\" data-live-value")
            .Attribute("data-unit", CatalogueNames.Name(row.Indicator.Unit)).Attribute("data-decimals", format.Decimals.ToString())
            .Attribute("data-suffix", format.Suffix).Raw(">");
        if (latest is null) html.Raw("<strong class=\"govuk-tag govuk-tag--grey\">").Text(ValueFormat.NoReturns).Raw("</strong>");
        else html.Text(format.Format(latest.Value));
        html.Raw("</td><td class=\"govuk-table__cell\" data-live-period>").Text(latest?.Period).Raw("</td>");
        if (latest is null)
        {
            for (var empty = 0; empty < 5; empty++) html.Raw(Cell).Raw("</td>");
        }
        else
        {
            html.Raw(Cell);
            if (latest.VariationIcon is { } variation)
                html.StatisticTag(StatisticsTags.For(variation), "variation_icon", StatisticsTags.Name(variation));
            else html.Raw("<span>Not enough values yet</span>");
            html.Raw("</td>").Raw(Cell);
            if (latest.AssuranceIcon is { } assurance)
                html.StatisticTag(StatisticsTags.For(assurance), "assurance_icon", StatisticsTags.Name(assurance));
            else html.Raw("<span>No target</span>");
            html.Raw("</td>");
            Benchmark(html, "parent", row.Parent, format);
            Benchmark(html, "england", row.England, format);
            html.Raw(Cell);
            if (latest.RecentTrend is { } trend) html.StatisticTag(StatisticsTags.For(trend), "recent_trend", StatisticsTags.Name(trend));
            html.Raw("</td>");
        }
        html.Raw("<td class=\"govuk-table__cell\" data-completeness>");
        if (row.Completeness is { } completeness)
        {
            html.Text(completeness.Summary);
            if (latest is null) html.Raw("<span class=\"govuk-body-s govuk-!-display-block\">for ").Text(completeness.Period).Raw("</span>");
        }
        else html.Raw("<span>No agency returns this here</span>");
        html.Raw("</td></tr>");
    }

    // The place against one comparator: the verdict in words, and the comparator's value under it.
    private static void Benchmark(HtmlMarkup html, string comparator, ComparatorBenchmark? benchmark, ValueFormat format)
    {
        html.Raw("<td class=\"govuk-table__cell\"").Attribute("data-comparator", comparator).Raw(">");
        if (benchmark is null) html.Raw("<span>No comparator</span>");
        else
            html.StatisticTag(StatisticsTags.For(benchmark.Outcome), "benchmark", StatisticsTags.Name(benchmark.Outcome))
                .Raw("<span class=\"govuk-body-s govuk-!-display-block\">")
                .Text(benchmark.Value is { } value ? format.Format(value) : "No value").Raw("</span>");
        html.Raw("</td>");
    }
}

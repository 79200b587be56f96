using System.Text.Json;
using Scrutiny.Dashboard.Presentation;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Comparisons;

namespace Scrutiny.Dashboard.Comparisons;

/// <summary>
/// The data of a <c>bar-intervals</c> chart (the contract charts.js reads): places in the order the server sorted
/// them, each with its 95% interval and its outcome against England, and England as the reference line. Places
/// without a value for the period have no bar; the table beside the chart lists them.
/// </summary>
public sealed record BarIntervalsChart(string Title, string Suffix, int Decimals, IReadOnlyList<BarIntervalsItem> Items, BarIntervalsReference? Reference)
{
    // System.Text.Json's web defaults (camelCase) as every chart's data; its default encoder escapes <, > and &, so
    // the JSON is safe inside a <script> element.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static BarIntervalsChart For(Comparison comparison)
    {
        var format = ValueFormat.For(comparison.Indicator.Unit);
        return new($"{comparison.Indicator.Title}, {comparison.Period}", format.Suffix, format.Decimals,
            [.. comparison.Places.Where(p => p.Value is not null).Select(p => new BarIntervalsItem(p.Place.Name, p.Place.Code, p.Value!.Value,
                p.Interval95?.Lower, p.Interval95?.Upper, p.Place.Code == comparison.Scope.HomePlace,
                comparison.England is null ? null : CatalogueNames.Name(p.VersusEngland)))],
            comparison.England is { Value: { } england } e ? new BarIntervalsReference(e.Place.Name, england) : null);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One bar: <see cref="Lower"/> and <see cref="Upper"/> are null for a unit without an interval.</summary>
public sealed record BarIntervalsItem(string Label, string Code, double Value, double? Lower, double? Upper, bool Highlight, string? Outcome);

/// <summary>The line every bar is compared with.</summary>
public sealed record BarIntervalsReference(string Label, double Value);

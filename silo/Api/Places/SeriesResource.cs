using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Statistics;

namespace Scrutiny.Silo.Api.Places;

/// <summary>
/// An indicator's series in a place as the API shows it: names as the catalogue writes them, each period with its
/// SPC result and intervals, and for the series the icons, target, rebases, recent trend and baseline forecast.
/// </summary>
public sealed record SeriesResource(
    string Place, string Indicator, string Title, string Unit, string Polarity, string Frequency, string Combine,
    IReadOnlyList<SeriesPointResource> Points, string? VariationIcon, string? AssuranceIcon, double? Target,
    TargetResource? PlaceTarget, double? CatalogueTarget, IReadOnlyList<RebaseResource> Rebases,
    RecentTrendResource RecentTrend, IReadOnlyList<ForecastResource> Forecast)
{
    public static SeriesResource From(IndicatorSeries series)
    {
        var d = series.Indicator;
        var statistics = series.Statistics;
        return new SeriesResource(series.Place, d.Code, d.Title, CatalogueNames.Name(d.Unit), CatalogueNames.Name(d.Polarity),
            CatalogueNames.Name(d.Frequency), CatalogueNames.Name(d.Combine),
            [.. series.Points.Zip(statistics.Points, SeriesPointResource.From)],
            CatalogueNames.NameOrNull(statistics.VariationIcon), CatalogueNames.NameOrNull(statistics.AssuranceIcon),
            statistics.Target, TargetResource.From(series.Settings.Target), series.Settings.CatalogueTarget,
            [.. series.Settings.Rebases.Select(RebaseResource.From)],
            RecentTrendResource.From(statistics.RecentTrend),
            [.. statistics.Forecast.Select(f => new ForecastResource(f.Period, f.Value, f.Lower, f.Upper))]);
    }
}

/// <summary>
/// One period: its value, the agencies' contributions, where it sits on the SPC chart (null limits when the period
/// has no value) and its 95% and 99.8% confidence intervals (null when the unit has none).
/// </summary>
public sealed record SeriesPointResource(
    string Period, double? Value, double Numerator, double? Denominator,
    double? Mean, double? LowerProcessLimit, double? UpperProcessLimit, double? LowerTwoSigmaLimit, double? UpperTwoSigmaLimit,
    string? SpecialCause, string? PointType, double? Lower95, double? Upper95, double? Lower998, double? Upper998,
    IReadOnlyList<ContributionResource> Contributions)
{
    public static SeriesPointResource From(SeriesPoint p, PointStatistics s) =>
        new(p.Period, p.Value, p.Numerator, p.Denominator,
            s.Spc?.Mean, s.Spc?.LowerProcessLimit, s.Spc?.UpperProcessLimit, s.Spc?.LowerTwoSigmaLimit, s.Spc?.UpperTwoSigmaLimit,
            CatalogueNames.NameOrNull(s.Spc?.SpecialCause), CatalogueNames.NameOrNull(s.Spc?.PointType),
            s.Interval95?.Lower, s.Interval95?.Upper, s.Interval998?.Lower, s.Interval998?.Upper,
            [.. p.Contributions.Select(c => new ContributionResource(c.Agency, c.Numerator, c.Denominator, c.Revision, c.SubmittedAt, c.Note))]);
}

/// <summary>One agency's current value for a period and the revision it is at.</summary>
public sealed record ContributionResource(
    string Agency, double Numerator, double? Denominator, int Revision, DateTimeOffset SubmittedAt, string? Note);

/// <summary>A place's own target: its value, why, who set it and when.</summary>
public sealed record TargetResource(double Value, string Reason, string SetBy, DateTimeOffset SetAt)
{
    public static TargetResource? From(TargetSetting? target) =>
        target is null ? null : new(target.Value, target.Change.Reason, target.Change.By, target.Change.At);
}

/// <summary>A period from which the SPC limits start again: why, who set it and when.</summary>
public sealed record RebaseResource(string Period, string Reason, string SetBy, DateTimeOffset SetAt)
{
    public static RebaseResource From(RebaseSetting rebase) =>
        new(rebase.Period, rebase.Change.Reason, rebase.Change.By, rebase.Change.At);
}

/// <summary>The recent trend over the last periods: its verdict, the test used, the statistic and p-value.</summary>
public sealed record RecentTrendResource(string Trend, string Method, double? Statistic, double? PValue, int Points)
{
    public static RecentTrendResource From(Grains.Statistics.Trends.RecentTrendResult trend) =>
        new(CatalogueNames.Name(trend.Trend), CatalogueNames.Name(trend.Method), trend.Statistic, trend.PValue, trend.Points);
}

/// <summary>The baseline for a future period: where the indicator goes if nothing changes, with a 95% prediction interval.</summary>
public sealed record ForecastResource(string Period, double Value, double Lower95, double Upper95);

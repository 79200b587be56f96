using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Grains.Statistics.Spc;
using Scrutiny.Grains.Statistics.Trends;
using Scrutiny.Silo.Benchmarks;
using Scrutiny.Silo.Scorecards;

namespace Scrutiny.Silo.Tests.Scorecards;

/// <summary>The scorecard's filter, sort and counts over rows made here, so that each rule is seen on its own.</summary>
public sealed class ScorecardFilterTests
{
    private static readonly string[] Themes = ["community_safety", "health_and_care"];

    private static readonly IReadOnlyList<ScorecardRow> Rows =
    [
        Row("a-concern-worse", "Alpha", "health_and_care", VariationIcon.ConcernHigh, BenchmarkOutcome.Worse),
        Row("b-concern-similar", "Bravo", "community_safety", VariationIcon.ConcernLow, BenchmarkOutcome.Similar),
        Row("c-improving-worse", "Charlie", "health_and_care", VariationIcon.ImprovementLow, BenchmarkOutcome.Worse),
        Row("d-common-better", "Delta", "community_safety", VariationIcon.CommonCause, BenchmarkOutcome.Better),
        Row("e-neutral", "Echo", "health_and_care", VariationIcon.NeutralHigh, BenchmarkOutcome.Higher),
        Row("f-concern-better", "Foxtrot", "health_and_care", VariationIcon.ConcernHigh, BenchmarkOutcome.Better, RecentTrend.IncreasingAndGettingWorse),
        new(Indicator("g-none", "Golf", "health_and_care"), null, null, null, null, null),
    ];

    [Fact]
    public void Of_concern_and_worse_than_England_keeps_only_rows_that_are_both()
    {
        var filter = ScorecardFilter.Parse(["concern"], ["worse"], null, null, Themes, out var problems);

        Assert.Empty(problems);
        Assert.Equal(["a-concern-worse"], Codes(filter.Apply(Rows)));
        Assert.Equal("?variation=concern&england=worse", filter.ToQuery());
    }

    [Fact]
    public void Values_of_one_parameter_widen_and_a_theme_narrows()
    {
        var filter = ScorecardFilter.Parse(["improving", "concern", ""], null, "health_and_care", null, Themes, out var problems);

        Assert.Empty(problems);
        Assert.Equal(["a-concern-worse", "c-improving-worse", "f-concern-better"], Codes(filter.Apply(Rows)));
        Assert.Equal(Rows.Count, ScorecardFilter.None.Apply(Rows).Count);
        Assert.False(ScorecardFilter.None.Narrows);
    }

    [Fact]
    public void Worst_first_puts_concerns_then_worse_than_England_then_a_worsening_trend_first_and_no_value_last()
    {
        var filter = ScorecardFilter.Parse(null, null, null, "worst", Themes, out _);

        Assert.Equal(["a-concern-worse", "b-concern-similar", "f-concern-better", "e-neutral", "d-common-better", "c-improving-worse", "g-none"],
            Codes(filter.Apply(Rows)));
        Assert.Equal(["a-concern-worse", "b-concern-similar", "c-improving-worse", "d-common-better", "e-neutral", "f-concern-better", "g-none"],
            Codes(ScorecardFilter.Parse(null, null, null, "title", Themes, out _).Apply(Rows)));
        // By theme (the default): community safety's two first.
        Assert.Equal(["b-concern-similar", "d-common-better"], Codes(ScorecardFilter.None.Apply(Rows)).Take(2));
    }

    [Fact]
    public void Every_unknown_value_is_a_problem_naming_its_parameter()
    {
        var filter = ScorecardFilter.Parse(["awful"], ["bad"], "sport", "random", Themes, out var problems);

        Assert.Equal(["variation", "england", "theme", "sort"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal("not_one_of", p.Code));
        Assert.Contains("improving, concern, no_significant_change, unusual", problems[0].Message);
        Assert.Equal(ScorecardFilter.None.ToQuery(), filter.ToQuery());
    }

    [Fact]
    public void Counts_put_neutral_special_causes_apart_and_an_indicator_without_an_icon_in_none()
    {
        var counts = VariationCounts.Of([.. Rows.Where(r => r.Latest is not null).Select(r => r.Latest!),
            new IndicatorLatest("h-short", "2026-01", 1, 1, null, DateTimeOffset.UnixEpoch)]);

        Assert.Equal(new VariationCounts(Indicators: 7, Improving: 1, Concern: 3, NoSignificantChange: 1, Unusual: 1), counts);
    }

    private static ScorecardRow Row(string code, string title, string theme, VariationIcon icon, BenchmarkOutcome england,
        RecentTrend trend = RecentTrend.NoSignificantChange) =>
        new(Indicator(code, title, theme),
            new IndicatorLatest(code, "2026-01", 1, 1, null, DateTimeOffset.UnixEpoch, icon, null, trend), null,
            null, new ComparatorBenchmark("E92000001", "England", 2, england, null), null);

    private static IndicatorDefinition Indicator(string code, string title, string theme) =>
        new(code, title, theme, IndicatorUnit.Count, Polarity.LowerIsBetter, Frequency.Monthly, CombineMethod.Sum);

    private static List<string> Codes(IEnumerable<ScorecardRow> rows) => [.. rows.Select(r => r.Indicator.Code)];
}

using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Spc;

namespace Scrutiny.Grains.Tests.Statistics.Spc;

/// <summary>Options and rule edges the fixtures do not reach: rebasing, fixed limits, rising trends, ties.</summary>
public sealed class XmrChartOptionTests
{
    private static readonly double[] Flat = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2];

    [Fact]
    public void Each_rebased_segment_has_limits_of_its_own()
    {
        double[] values = [.. Flat, .. Flat.Select(v => v + 10)];
        var chart = XmrChart.Of(values, new XmrOptions(Polarity.HigherIsBetter, RebaseAt: [12]));

        var first = XmrLimits.Of(Flat, screenMovingRanges: true);
        var second = XmrLimits.Of([.. Flat.Select(v => v + 10)], screenMovingRanges: true);
        Assert.All(chart.Points.Take(12), p => Assert.Equal(first.Mean, p.Mean, 12));
        Assert.All(chart.Points.Skip(12), p => Assert.Equal(second.Mean, p.Mean, 12));
        Assert.All(chart.Points, p => Assert.Equal(SpecialCause.CommonCause, p.SpecialCause));
    }

    [Fact]
    public void Fixed_limits_come_from_the_first_points_and_judge_the_rest()
    {
        double[] values = [.. Flat, 9, 9];
        var chart = XmrChart.Of(values, new XmrOptions(Polarity.HigherIsBetter, FixAfterPoints: 12));

        Assert.Equal(1.5, chart.Points[^1].Mean, 12);
        Assert.Equal(SpecialCause.AboveUpperLimit, chart.Points[^1].SpecialCause);
        Assert.Equal(VariationIcon.ImprovementHigh, chart.VariationIcon);
    }

    [Fact]
    public void Limits_cannot_be_fixed_on_fewer_than_twelve_points() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            XmrChart.Of(Flat, new XmrOptions(Polarity.HigherIsBetter, FixAfterPoints: 11)));

    [Fact]
    public void Seven_rising_points_are_a_trend_and_six_are_not()
    {
        // Flags, not the named cause: some of these points are also beyond a limit, which outranks a trend.
        static int Trending(double[] values) => SpecialCauseRules
            .Flags(values, XmrLimits.Of(values, screenMovingRanges: false))
            .Count(f => f.Contains(SpecialCause.TrendIncreasing));

        Assert.Equal(7, Trending([5, 5, 5, 5, 5, 1, 2, 3, 4, 5, 6, 7, 5, 5]));
        Assert.Equal(0, Trending([5, 5, 5, 5, 5, 1, 2, 3, 4, 5, 6, 5, 5, 5]));
    }

    [Fact]
    public void An_equal_step_ends_a_trend() =>
        Assert.DoesNotContain(
            XmrChart.Of([1, 2, 3, 4, 4, 5, 6, 7], new XmrOptions(Polarity.HigherIsBetter)).Points,
            p => p.SpecialCause is SpecialCause.TrendIncreasing);

    [Fact]
    public void A_point_on_the_mean_ends_a_run()
    {
        // Mean 0: three above, one on the mean, four above is no run of seven on one side.
        double[] values = [1, 1, 1, 0, 1, 1, 1, 1, -7];
        Assert.DoesNotContain(XmrChart.Of(values, new XmrOptions(Polarity.NoJudgement)).Points,
            p => p.SpecialCause is SpecialCause.RunAboveMean or SpecialCause.RunBelowMean);
    }

    [Fact]
    public void Limits_are_symmetric_about_the_mean()
    {
        var chart = XmrChart.Of([3, 8, 1, 9, 4, 4, 7, 2], new XmrOptions(Polarity.HigherIsBetter));
        Assert.All(chart.Points, p => Assert.Equal(p.Mean - p.LowerProcessLimit, p.UpperProcessLimit - p.Mean, 12));
    }

    [Fact]
    public void No_points_make_an_empty_chart_without_icons()
    {
        var chart = XmrChart.Of([], new XmrOptions(Polarity.HigherIsBetter, Target: 1));
        Assert.Empty(chart.Points);
        Assert.Null(chart.VariationIcon);
        Assert.Null(chart.AssuranceIcon);
    }
}

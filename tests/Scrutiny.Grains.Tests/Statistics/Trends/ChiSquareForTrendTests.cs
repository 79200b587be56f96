using Scrutiny.Grains.Statistics.Distributions;
using Scrutiny.Grains.Statistics.Trends;

namespace Scrutiny.Grains.Tests.Statistics.Trends;

public sealed class ChiSquareForTrendTests
{
    private static (double, double, double)[] Timed(params (double Events, double Trials)[] points) =>
        [.. points.Select((p, i) => ((double)i + 1, p.Events, p.Trials))];

    [Fact]
    public void Reproduces_the_published_example_of_prop_trend_test()
    {
        // R's ?prop.trend.test: smokers 83, 90, 129, 70 of patients 86, 93, 136, 82 gives
        // "X-squared = 8.2249, df = 1, p-value = 0.004132".
        var test = ChiSquareForTrend.Of(Timed((83, 86), (90, 93), (129, 136), (70, 82)))!.Value;
        Assert.Equal(8.2249, test.Statistic, 4);
        Assert.Equal(0.004132, ChiSquare.UpperTailOneDegree(test.Statistic), 6);
        Assert.Equal(-1, test.Direction);
    }

    [Fact]
    public void Matches_the_formula_worked_by_hand()
    {
        // 10, 20, 30, 40, 50 of 100 each: R = 150, N = 500, Σrt = 10 + 40 + 90 + 160 + 250 = 550,
        // Σnt = 100 × 15 = 1,500, Σnt² = 100 × 55 = 5,500.
        // N Σrt − R Σnt = 275,000 − 225,000 = 50,000;
        // R (N − R)(N Σnt² − (Σnt)²) = 150 × 350 × (2,750,000 − 2,250,000) = 2.625e10;
        // χ² = 500 × 50,000² / 2.625e10 = 47.619047…
        var test = ChiSquareForTrend.Of(Timed((10, 100), (20, 100), (30, 100), (40, 100), (50, 100)))!.Value;
        Assert.Equal(1000.0 / 21, test.Statistic, 10);
        Assert.Equal(1, test.Direction);
    }

    [Fact]
    public void Is_undefined_when_nothing_or_everything_happens()
    {
        Assert.Null(ChiSquareForTrend.Of(Timed((0, 10), (0, 20), (0, 30))));
        Assert.Null(ChiSquareForTrend.Of(Timed((10, 10), (20, 20), (30, 30))));
        Assert.Null(ChiSquareForTrend.Of(Timed((3, 10))));
    }

    [Fact]
    public void Equal_proportions_have_no_trend()
    {
        var test = ChiSquareForTrend.Of(Timed((5, 50), (10, 100), (2, 20)))!.Value;
        Assert.Equal(0, test.Statistic, 12);
        Assert.Equal(0, test.Direction);
    }
}

using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Trends;

namespace Scrutiny.Grains.Tests.Statistics.Trends;

public sealed class RecentTrendsTests
{
    private static RecentTrendResult Of(IndicatorUnit unit, Polarity polarity, params (double, double?)[] points) =>
        RecentTrends.Of(TestIndicators.Of(unit, polarity), points);

    private static (double, double?)[] OutOf100(params double[] numerators) => [.. numerators.Select(n => (n, (double?)100))];

    [Fact]
    public void The_critical_value_is_fingertips_99_8_per_cent()
    {
        Assert.Equal(9.54953570608324, RecentTrends.CriticalChiSquare, 12);
        Assert.Equal(5, RecentTrends.Periods);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, RecentTrend.IncreasingAndGettingBetter)]
    [InlineData(Polarity.LowerIsBetter, RecentTrend.IncreasingAndGettingWorse)]
    [InlineData(Polarity.NoJudgement, RecentTrend.Increasing)]
    public void A_rising_percentage_is_judged_by_polarity(Polarity polarity, RecentTrend expected)
    {
        // χ² = 47.62 (worked in ChiSquareForTrendTests) > 9.5495.
        var result = Of(IndicatorUnit.Percentage, polarity, OutOf100(10, 20, 30, 40, 50));
        Assert.Equal(expected, result.Trend);
        Assert.Equal(TrendMethod.ChiSquareForTrend, result.Method);
        Assert.Equal(1000.0 / 21, result.Statistic!.Value, 10);
        Assert.True(result.PValue < 0.002);
        Assert.Equal(5, result.Points);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, RecentTrend.DecreasingAndGettingWorse)]
    [InlineData(Polarity.LowerIsBetter, RecentTrend.DecreasingAndGettingBetter)]
    [InlineData(Polarity.NoJudgement, RecentTrend.Decreasing)]
    public void The_phe_example_falls(Polarity polarity, RecentTrend expected)
    {
        // PHEindicatormethods' assign_trend_markers example: counts 1367, 1332, 1199, 1023, 994 of 44701, 44064,
        // 42811, 41527, 40299 (30.6% … 24.7%). χ² = 47.8967 by the formula; leaving any one year out still falls.
        var result = Of(IndicatorUnit.Percentage, polarity,
            (1367, 44701), (1332, 44064), (1199, 42811), (1023, 41527), (994, 40299));
        Assert.Equal(expected, result.Trend);
        Assert.Equal(47.896676707589, result.Statistic!.Value, 8);
    }

    [Fact]
    public void Only_the_last_five_periods_count()
    {
        // A fall long ago does not outweigh the recent rise.
        var result = Of(IndicatorUnit.Percentage, Polarity.HigherIsBetter, OutOf100(90, 80, 70, 10, 20, 30, 40, 50));
        Assert.Equal(RecentTrend.IncreasingAndGettingBetter, result.Trend);
        Assert.Equal(1000.0 / 21, result.Statistic!.Value, 10);
    }

    [Fact]
    public void One_outlying_point_is_not_a_trend()
    {
        // 10, 10, 10, 10, 50 of 100: χ² = 43.36, but without the last year there is no slope at all, so Fingertips'
        // outlier check reports no significant change.
        var result = Of(IndicatorUnit.Percentage, Polarity.HigherIsBetter, OutOf100(10, 10, 10, 10, 50));
        Assert.Equal(RecentTrend.NoSignificantChange, result.Trend);
        Assert.Equal(43.360433604336, result.Statistic!.Value, 8);
    }

    [Fact]
    public void A_small_change_is_not_significant()
    {
        // 10 … 14 of 100: χ² = 0.947.
        var result = Of(IndicatorUnit.Percentage, Polarity.HigherIsBetter, OutOf100(10, 11, 12, 13, 14));
        Assert.Equal(RecentTrend.NoSignificantChange, result.Trend);
        Assert.Equal(0.946969696970, result.Statistic!.Value, 9);
    }

    [Fact]
    public void Counts_use_the_weighted_regression_with_poisson_variances()
    {
        // Counts 100, 120, 140, 160, 180, each its own variance, so w·y = 1: S₄ = 5, S₂ = Σt = 15;
        // S₁ = Σ1/c = 0.0372817, S₃ = Σt/c = 0.1008730, S₅ = Σt²/c = 0.3465079.
        // β = (S₁ × 15 − S₃ × 5) / (S₁S₅ − S₃²) = 0.0548611 / 0.00274306 = 20; χ² = β²(S₁S₅ − S₃²)/S₁ = 29.43.
        var result = Of(IndicatorUnit.Count, Polarity.LowerIsBetter, (100, null), (120, null), (140, null), (160, null), (180, null));
        Assert.Equal(TrendMethod.WeightedRegression, result.Method);
        Assert.Equal(RecentTrend.IncreasingAndGettingWorse, result.Trend);
        Assert.Equal(29.430548163917, result.Statistic!.Value, 8);
    }

    [Fact]
    public void A_rise_of_ten_a_year_from_a_hundred_is_not_enough_at_99_8_per_cent()
    {
        // χ² = 8.4157, p = 0.0037: significant at 95% but not at Fingertips' 99.8%.
        var result = Of(IndicatorUnit.Count, Polarity.HigherIsBetter, (100, null), (110, null), (120, null), (130, null), (140, null));
        Assert.Equal(RecentTrend.NoSignificantChange, result.Trend);
        Assert.Equal(8.415744060518, result.Statistic!.Value, 9);
        Assert.Equal(0.0037198553, result.PValue!.Value, 9);
    }

    [Theory]
    [InlineData(IndicatorUnit.RatePer1000)]
    [InlineData(IndicatorUnit.RatePer100000)]
    public void A_rate_over_a_fixed_population_tests_like_its_count(IndicatorUnit unit)
    {
        // Scaling every value by k scales every variance by k², so β/SE(β) is unchanged.
        var result = Of(unit, Polarity.HigherIsBetter, (100, 50_000), (110, 50_000), (120, 50_000), (130, 50_000), (140, 50_000));
        Assert.Equal(8.415744060518, result.Statistic!.Value, 9);
        Assert.Equal(TrendMethod.WeightedRegression, result.Method);
    }

    [Theory]
    [InlineData(IndicatorUnit.Value)]
    [InlineData(IndicatorUnit.PercentagePoints)]
    public void Units_without_a_sampling_model_cannot_be_tested(IndicatorUnit unit)
    {
        var result = Of(unit, Polarity.HigherIsBetter, OutOf100(10, 20, 30, 40, 50));
        Assert.Equal(new RecentTrendResult(RecentTrend.CannotBeCalculated, TrendMethod.None, null, null, 5), result);
    }

    [Fact]
    public void Fewer_than_five_points_cannot_be_calculated()
    {
        var result = Of(IndicatorUnit.Percentage, Polarity.HigherIsBetter, OutOf100(10, 20, 30, 40));
        Assert.Equal(new RecentTrendResult(RecentTrend.CannotBeCalculated, TrendMethod.ChiSquareForTrend, null, null, 4), result);
        Assert.Equal(RecentTrend.CannotBeCalculated, Of(IndicatorUnit.Count, Polarity.HigherIsBetter).Trend);
    }

    [Fact]
    public void Zero_variance_cannot_be_calculated()
    {
        Assert.Equal(RecentTrend.CannotBeCalculated, Of(IndicatorUnit.Percentage, Polarity.HigherIsBetter, OutOf100(0, 0, 0, 0, 0)).Trend);
        Assert.Equal(RecentTrend.CannotBeCalculated, Of(IndicatorUnit.Percentage, Polarity.HigherIsBetter, OutOf100(100, 100, 100, 100, 100)).Trend);
        Assert.Equal(RecentTrend.CannotBeCalculated,
            Of(IndicatorUnit.Count, Polarity.HigherIsBetter, (5, null), (0, null), (7, null), (9, null), (12, null)).Trend);
    }

    [Fact]
    public void Numerator_equal_to_denominator_in_some_periods_is_fine()
    {
        var result = Of(IndicatorUnit.Percentage, Polarity.HigherIsBetter, (60, 100), (70, 100), (80, 100), (90, 100), (100, 100));
        Assert.Equal(RecentTrend.IncreasingAndGettingBetter, result.Trend);
    }

    [Fact]
    public void Invalid_points_cannot_be_calculated()
    {
        Assert.Equal(RecentTrend.CannotBeCalculated, Of(IndicatorUnit.Percentage, Polarity.HigherIsBetter,
            (10, 100), (20, null), (30, 100), (40, 100), (50, 100)).Trend);
        Assert.Equal(RecentTrend.CannotBeCalculated, Of(IndicatorUnit.Percentage, Polarity.HigherIsBetter,
            (10, 100), (120, 100), (30, 100), (40, 100), (50, 100)).Trend);
        Assert.Equal(RecentTrend.CannotBeCalculated, Of(IndicatorUnit.RatePer1000, Polarity.HigherIsBetter,
            (10, 100), (20, 0), (30, 100), (40, 100), (50, 100)).Trend);
        Assert.Equal(RecentTrend.CannotBeCalculated, Of(IndicatorUnit.Count, Polarity.HigherIsBetter,
            (10, null), (-20, null), (30, null), (40, null), (50, null)).Trend);
    }

    [Fact]
    public void Trends_have_fingertips_names() =>
        Assert.Equal("increasing_and_getting_better", CatalogueNames.Name(RecentTrend.IncreasingAndGettingBetter));
}

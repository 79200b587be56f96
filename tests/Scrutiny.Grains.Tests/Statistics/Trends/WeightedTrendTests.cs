using Scrutiny.Grains.Statistics.Trends;

namespace Scrutiny.Grains.Tests.Statistics.Trends;

public sealed class WeightedTrendTests
{
    [Fact]
    public void Equal_variances_give_the_ordinary_least_squares_slope()
    {
        // Values 2, 4, 6, 8, 10 at t = 1…5, each variance 4 (w = ¼): S₁ = 1.25, S₃ = 3.75, S₅ = 13.75,
        // S₄ = 7.5, S₂ = ¼(2 + 8 + 18 + 32 + 50) = 27.5. S₁S₅ − S₃² = 17.1875 − 14.0625 = 3.125;
        // β = (1.25 × 27.5 − 3.75 × 7.5) / 3.125 = (34.375 − 28.125) / 3.125 = 2; var β = 1.25 / 3.125 = 0.4;
        // χ² = 4 / 0.4 = 10.
        var test = WeightedTrend.Of([(1, 2, 4), (2, 4, 4), (3, 6, 4), (4, 8, 4), (5, 10, 4)])!.Value;
        Assert.Equal(10, test.Statistic, 10);
        Assert.Equal(1, test.Direction);
    }

    [Fact]
    public void A_zero_variance_is_undefined() =>
        Assert.Null(WeightedTrend.Of([(1, 2, 4), (2, 0, 0), (3, 6, 4)]));

    [Fact]
    public void One_time_is_undefined() =>
        Assert.Null(WeightedTrend.Of([(1, 2, 4)]));
}

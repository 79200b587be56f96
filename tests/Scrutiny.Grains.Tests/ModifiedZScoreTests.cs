using Scrutiny.Grains.Statistics;

namespace Scrutiny.Grains.Tests;

public sealed class ModifiedZScoreTests
{
    private static readonly double[] History = [10, 12, 11, 13, 12, 11, 10];

    [Fact]
    public void A_value_is_scored_by_median_and_median_absolute_deviation()
    {
        // median 11, absolute deviations 1,1,0,2,1,0,1 → MAD 1.
        Assert.Equal(0.6745 * (20 - 11) / 1.0, ModifiedZScore.Of(20, History)!.Value, 12);
        Assert.True(ModifiedZScore.Of(20, History) > ModifiedZScore.OutlierThreshold);
        Assert.True(Math.Abs(ModifiedZScore.Of(13, History)!.Value) < ModifiedZScore.OutlierThreshold);
    }

    [Fact]
    public void No_score_without_enough_history_or_spread()
    {
        Assert.Null(ModifiedZScore.Of(20, [1, 2, 3]));
        Assert.Null(ModifiedZScore.Of(20, [5, 5, 5, 5, 5, 5]));
    }
}

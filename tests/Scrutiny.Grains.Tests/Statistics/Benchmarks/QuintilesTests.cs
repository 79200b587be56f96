using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Benchmarks;

namespace Scrutiny.Grains.Tests.Statistics.Benchmarks;

public sealed class QuintilesTests
{
    private static int[] Numbers(double[] values) =>
        [.. values.Select(v => Quintiles.Of(v, values, Polarity.HigherIsBetter)!.Number)];

    [Fact]
    public void Ten_values_make_five_pairs() =>
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], Numbers([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));

    [Fact]
    public void Uneven_groups_put_the_larger_ones_first_as_ntile_does()
    {
        // NTILE(5) of 7 rows: 7 = 5 × 1 + 2, so the first two groups have 2 rows: 1 1 2 2 3 4 5.
        Assert.Equal([1, 1, 2, 2, 3, 4, 5], Numbers([1, 2, 3, 4, 5, 6, 7]));
        // 12 = 5 × 2 + 2: groups of 3, 3, 2, 2, 2.
        Assert.Equal([1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5], Numbers([.. Enumerable.Range(1, 12).Select(i => (double)i)]));
    }

    [Fact]
    public void The_order_of_the_list_does_not_matter() =>
        Assert.Equal(5, Quintiles.Of(10, [10, 3, 7, 1, 5], Polarity.HigherIsBetter)!.Number);

    [Fact]
    public void Ties_share_the_quintile_of_the_first_of_them()
    {
        // Sorted 1 2 2 2 2 3 4 5 6 7: the 2s take position 2 → quintile 1, though NTILE would spread them over 1–3.
        double[] values = [1, 2, 2, 2, 2, 3, 4, 5, 6, 7];
        Assert.Equal(1, Quintiles.Of(2, values, Polarity.HigherIsBetter)!.Number);
        Assert.Equal(3, Quintiles.Of(3, values, Polarity.HigherIsBetter)!.Number);
        double[] same = [4, 4, 4, 4, 4, 4];
        Assert.All(same, v => Assert.Equal(1, Quintiles.Of(v, same, Polarity.HigherIsBetter)!.Number));
    }

    [Theory]
    [InlineData(1.0, Polarity.HigherIsBetter, QuintileBand.Worst)]
    [InlineData(3.0, Polarity.HigherIsBetter, QuintileBand.Middle)]
    [InlineData(4.0, Polarity.HigherIsBetter, QuintileBand.Better)]
    [InlineData(5.0, Polarity.HigherIsBetter, QuintileBand.Best)]
    [InlineData(1.0, Polarity.LowerIsBetter, QuintileBand.Best)]
    [InlineData(2.0, Polarity.LowerIsBetter, QuintileBand.Better)]
    [InlineData(5.0, Polarity.LowerIsBetter, QuintileBand.Worst)]
    [InlineData(1.0, Polarity.NoJudgement, QuintileBand.Lowest)]
    [InlineData(2.0, Polarity.NoJudgement, QuintileBand.Low)]
    [InlineData(3.0, Polarity.NoJudgement, QuintileBand.Mid)]
    [InlineData(4.0, Polarity.NoJudgement, QuintileBand.High)]
    [InlineData(5.0, Polarity.NoJudgement, QuintileBand.Highest)]
    public void The_band_follows_polarity(double value, Polarity polarity, QuintileBand band)
    {
        var quintile = Quintiles.Of(value, [1, 2, 3, 4, 5], polarity)!;
        Assert.Equal((int)value, quintile.Number);
        Assert.Equal(band, quintile.Band);
    }

    [Fact]
    public void Fewer_than_five_values_have_no_quintile() =>
        Assert.Null(Quintiles.Of(1, [1, 2, 3, 4], Polarity.HigherIsBetter));

    [Fact]
    public void Bands_have_snake_case_names() =>
        Assert.Equal(["best", "better", "middle", "worse", "worst", "lowest", "low", "mid", "high", "highest"],
            CatalogueNames.Names<QuintileBand>());
}

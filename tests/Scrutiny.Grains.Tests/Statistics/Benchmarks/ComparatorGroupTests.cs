using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Benchmarks;

namespace Scrutiny.Grains.Tests.Statistics.Benchmarks;

public sealed class ComparatorGroupTests
{
    private static readonly (string Place, double Value)[] Members = [("a", 10), ("b", 30), ("c", 20), ("d", 30), ("e", 5)];

    [Fact]
    public void Summarises_the_values()
    {
        // (10 + 30 + 20 + 30 + 5) / 5 = 95 / 5 = 19.
        var summary = ComparatorGroup.Summarise("c", Members, Polarity.HigherIsBetter)!;
        Assert.Equal(5, summary.Count);
        Assert.Equal(19, summary.Mean, 12);
        Assert.Equal(5, summary.Minimum);
        Assert.Equal(30, summary.Maximum);
        Assert.Equal(5, summary.RankedOf);
    }

    [Theory]
    // Highest first: 30, 30, 20, 10, 5 → b and d share 1, c is 3, a 4, e 5.
    [InlineData("b", Polarity.HigherIsBetter, 1)]
    [InlineData("d", Polarity.HigherIsBetter, 1)]
    [InlineData("c", Polarity.HigherIsBetter, 3)]
    [InlineData("e", Polarity.HigherIsBetter, 5)]
    [InlineData("c", Polarity.NoJudgement, 3)]
    // Lowest first: 5, 10, 20, 30, 30 → e 1, a 2, c 3, b and d share 4.
    [InlineData("e", Polarity.LowerIsBetter, 1)]
    [InlineData("a", Polarity.LowerIsBetter, 2)]
    [InlineData("b", Polarity.LowerIsBetter, 4)]
    [InlineData("d", Polarity.LowerIsBetter, 4)]
    public void Ranks_best_first_with_ties_sharing_the_lower_number(string place, Polarity polarity, int rank) =>
        Assert.Equal(rank, ComparatorGroup.Summarise(place, Members, polarity)!.Rank);

    [Fact]
    public void A_place_without_a_value_has_no_rank()
    {
        var summary = ComparatorGroup.Summarise("z", Members, Polarity.HigherIsBetter)!;
        Assert.Null(summary.Rank);
        Assert.Equal(5, summary.RankedOf);
    }

    [Fact]
    public void An_empty_group_has_no_summary() =>
        Assert.Null(ComparatorGroup.Summarise("a", [], Polarity.HigherIsBetter));

    [Fact]
    public void A_group_of_one_ranks_it_first()
    {
        var summary = ComparatorGroup.Summarise("a", [("a", 7)], Polarity.LowerIsBetter)!;
        Assert.Equal((1, 7.0, 7.0, 7.0, 1, 1), (summary.Count, summary.Mean, summary.Minimum, summary.Maximum, summary.Rank!.Value, summary.RankedOf));
    }
}

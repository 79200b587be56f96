using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Grains;

namespace Scrutiny.Grains.Tests;

/// <summary>
/// A period's contributions as an indicator grain holds them: one an agency, in agency order, a new array for every
/// change (a combined point handed to a reader holds the old one and must not see it change).
/// </summary>
public sealed class PeriodContributionsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Agencies_are_added_in_order_and_a_newer_revision_replaces_its_agency_in_a_new_array()
    {
        var held = PeriodContributions.With(null, Of("MFT", 1, 10));
        held = PeriodContributions.With(held, Of("GMP", 1, 20));
        held = PeriodContributions.With(held, Of("MCC", 1, 30));
        held = PeriodContributions.With(held, Of("ZZZ", 1, 40));
        var before = held;

        var after = PeriodContributions.With(held, Of("MCC", 2, 31));

        Assert.Equal(["GMP", "MCC", "MFT", "ZZZ"], after.Select(c => c.Agency));
        Assert.Equal((2, 31d), (after[1].Revision, after[1].Numerator));
        Assert.NotSame(before, after);
        Assert.Equal((1, 30d), (before[1].Revision, before[1].Numerator));
        Assert.Equal(31d, PeriodContributions.Of(after, "MCC")!.Numerator);
        Assert.Null(PeriodContributions.Of(after, "mcc"));
    }

    [Fact]
    public void The_combined_point_is_the_same_as_from_contributions_in_any_order()
    {
        var indicator = new IndicatorDefinition("x", "X", "", IndicatorUnit.Count, Polarity.LowerIsBetter, Frequency.Monthly, CombineMethod.Sum);
        Contribution[] given = [Of("MFT", 1, 10), Of("GMP", 3, 20), Of("MCC", 1, 0.5)];
        var held = given.Aggregate((Contribution[]?)null, PeriodContributions.With)!;

        Assert.Equal(Combiner.Combine(indicator, "2026-01", given), Combiner.CombineOrdered(indicator, "2026-01", held), PointComparer.Instance);
    }

    private static Contribution Of(string agency, int revision, double numerator) =>
        new(agency, numerator, null, null, revision, "b", "test", At);

    private sealed class PointComparer : IEqualityComparer<SeriesPoint>
    {
        public static readonly PointComparer Instance = new();

        public bool Equals(SeriesPoint? a, SeriesPoint? b) =>
            (a!.Period, a.Numerator, a.Denominator, a.Value) == (b!.Period, b.Numerator, b.Denominator, b.Value) && a.Contributions.SequenceEqual(b.Contributions);

        public int GetHashCode(SeriesPoint point) => point.Period.GetHashCode(StringComparison.Ordinal);
    }
}

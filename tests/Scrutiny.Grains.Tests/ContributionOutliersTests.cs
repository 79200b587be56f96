using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Statistics;

namespace Scrutiny.Grains.Tests;

public sealed class ContributionOutliersTests
{
    private static readonly IndicatorDefinition Days = new("days", "Days", "t", IndicatorUnit.Count, Polarity.LowerIsBetter, Frequency.Monthly, CombineMethod.Sum);

    private static IndicatorSeries Series(params double[] mft)
    {
        var points = mft.Select((v, i) =>
        {
            var period = new Period(Frequency.Monthly, 2025, 1).Next(i).ToString();
            Contribution[] contributions =
            [
                new("MFT", v, null, null, 1, "b", "t", DateTimeOffset.UnixEpoch),
                new("MCC", 5000, null, null, 1, "b", "t", DateTimeOffset.UnixEpoch),
            ];
            return new SeriesPoint(period, v + 5000, null, v + 5000, contributions);
        }).ToList();
        return new IndicatorSeries("E08000003", Days, points, IndicatorSettings.None, SeriesStatistics.Of(Days, points, IndicatorSettings.None));
    }

    [Fact]
    public void A_value_is_judged_against_the_same_agencys_earlier_values_only()
    {
        var series = Series(100, 104, 98, 101, 99, 103, 100, 102);

        Assert.NotNull(ContributionOutliers.Score(series, "MFT", "2025-09", 400));
        Assert.Null(ContributionOutliers.Score(series, "MFT", "2025-09", 103));
        // Earlier periods only: the history before 2025-03 is too short to judge.
        Assert.Null(ContributionOutliers.Score(series, "MFT", "2025-03", 400));
    }

    [Fact]
    public void Judging_every_contribution_at_once_agrees_with_judging_each()
    {
        var random = new Random(16);
        var series = Series([.. Enumerable.Range(0, 240).Select(i => random.Next(20) == 0 ? 100 + random.Next(2000) : 100 + random.NextDouble() * 10)]);

        var all = ContributionOutliers.ScoreAll(series);

        var each = series.Points.SelectMany(p => p.Contributions.Select(c => (p.Period, c.Agency,
                Score: ContributionOutliers.Score(series, c.Agency, p.Period, Days.ValueOf(c.Numerator, c.Denominator)!.Value))))
            .Where(x => x.Score is not null)
            .ToDictionary(x => (x.Period, x.Agency), x => x.Score!.Value);
        Assert.NotEmpty(each);
        Assert.Equal(each.OrderBy(e => e.Key), all.OrderBy(e => e.Key));
    }
}

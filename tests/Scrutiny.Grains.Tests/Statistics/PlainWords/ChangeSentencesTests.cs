using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Grains.Statistics.PlainWords;
using Scrutiny.Grains.Statistics.Spc;

namespace Scrutiny.Grains.Tests.Statistics.PlainWords;

/// <summary>The sentence for each SPC reading, polarity, benchmark outcome and target state, word for word.</summary>
public sealed class ChangeSentencesTests
{
    private static readonly Period October = Period.Parse("2026-10");

    private static ChangeFigures Figures(
        string title = "Delayed discharges", Polarity polarity = Polarity.LowerIsBetter, Period? period = null,
        double value = 412, double? previous = 430, bool earlier = true, int run = 1, PointType? point = PointType.CommonCause,
        BenchmarkOutcome? england = null, BenchmarkOutcome? similar = null, double? target = null, AssuranceIcon? assurance = null) =>
        new(title, polarity, period ?? October, N(value), previous is { } p ? N(p) : null, earlier, run, point, england, similar,
            target is { } t ? N(t) : null, assurance);

    private static FormattedNumber N(double value) => new(value, value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));

    private static string Text(ChangeFigures figures) => ChangeSentences.Build(figures).Text;

    [Fact]
    public void The_issues_example_a_seventh_fall_in_a_row_that_is_a_real_improvement_better_than_similar_areas()
    {
        Assert.Equal(
            "Delayed discharges fell to 412 in October 2026 for the 7th month in a row: a real improvement, now better than similar areas.",
            Text(Figures(run: 7, point: PointType.SpecialCauseImprovement, similar: BenchmarkOutcome.Better)));
    }

    [Theory]
    // Higher is better: a rise to a flagged high level is an improvement, a fall to a flagged low one a worsening.
    [InlineData(Polarity.HigherIsBetter, 450d, PointType.SpecialCauseImprovement, "Delayed discharges rose to 450 in October 2026: a real improvement.")]
    [InlineData(Polarity.HigherIsBetter, 400d, PointType.SpecialCauseConcern, "Delayed discharges fell to 400 in October 2026: a real worsening.")]
    [InlineData(Polarity.HigherIsBetter, 431d, PointType.CommonCause, "Delayed discharges rose to 431 in October 2026: within its normal range.")]
    // Lower is better: the reverse.
    [InlineData(Polarity.LowerIsBetter, 400d, PointType.SpecialCauseImprovement, "Delayed discharges fell to 400 in October 2026: a real improvement.")]
    [InlineData(Polarity.LowerIsBetter, 450d, PointType.SpecialCauseConcern, "Delayed discharges rose to 450 in October 2026: a real worsening.")]
    [InlineData(Polarity.LowerIsBetter, 429d, PointType.CommonCause, "Delayed discharges fell to 429 in October 2026: within its normal range.")]
    // A step the better way that leaves the level still on the worse side of usual (and the reverse) says "still".
    [InlineData(Polarity.LowerIsBetter, 429d, PointType.SpecialCauseConcern, "Delayed discharges fell to 429 in October 2026: still worse than usual.")]
    [InlineData(Polarity.LowerIsBetter, 431d, PointType.SpecialCauseImprovement, "Delayed discharges rose to 431 in October 2026: still better than usual.")]
    [InlineData(Polarity.HigherIsBetter, 431d, PointType.SpecialCauseConcern, "Delayed discharges rose to 431 in October 2026: still worse than usual.")]
    [InlineData(Polarity.HigherIsBetter, 429d, PointType.SpecialCauseImprovement, "Delayed discharges fell to 429 in October 2026: still better than usual.")]
    // No judgement: rose or fell, unusually high or low, never better or worse.
    [InlineData(Polarity.NoJudgement, 450d, PointType.SpecialCauseNeutralHigh, "Delayed discharges rose to 450 in October 2026: unusually high.")]
    [InlineData(Polarity.NoJudgement, 400d, PointType.SpecialCauseNeutralLow, "Delayed discharges fell to 400 in October 2026: unusually low.")]
    [InlineData(Polarity.NoJudgement, 431d, PointType.CommonCause, "Delayed discharges rose to 431 in October 2026: within its normal range.")]
    public void Each_SPC_reading_for_each_polarity(Polarity polarity, double value, PointType point, string expected) =>
        Assert.Equal(expected, Text(Figures(polarity: polarity, value: value, point: point)));

    [Theory]
    [InlineData(BenchmarkOutcome.Better, null, "now better than England.")]
    [InlineData(BenchmarkOutcome.Similar, null, "now similar to England.")]
    [InlineData(BenchmarkOutcome.Worse, null, "now worse than England.")]
    [InlineData(BenchmarkOutcome.Higher, null, "now higher than England.")]
    [InlineData(BenchmarkOutcome.Lower, null, "now lower than England.")]
    [InlineData(null, BenchmarkOutcome.Worse, "now worse than similar areas.")]
    [InlineData(null, BenchmarkOutcome.Similar, "now in line with similar areas.")]
    [InlineData(BenchmarkOutcome.Better, BenchmarkOutcome.Better, "now better than England and similar areas.")]
    [InlineData(BenchmarkOutcome.Similar, BenchmarkOutcome.Similar, "now in line with England and similar areas.")]
    [InlineData(BenchmarkOutcome.Worse, BenchmarkOutcome.Similar, "now worse than England and in line with similar areas.")]
    [InlineData(BenchmarkOutcome.Similar, BenchmarkOutcome.Better, "now similar to England and better than similar areas.")]
    public void Each_benchmark_outcome(BenchmarkOutcome? england, BenchmarkOutcome? similar, string ending) =>
        Assert.Equal("Delayed discharges fell to 412 in October 2026: within its normal range, " + ending,
            Text(Figures(england: england, similar: similar)));

    [Fact]
    public void No_benchmark_and_not_compared_say_nothing_of_comparators()
    {
        Assert.Equal("Delayed discharges fell to 412 in October 2026: within its normal range.",
            Text(Figures(england: BenchmarkOutcome.NotCompared, similar: BenchmarkOutcome.NotCompared)));
        Assert.Equal("Delayed discharges fell to 412 in October 2026: now better than England.",
            Text(Figures(point: null, england: BenchmarkOutcome.Better)));
        Assert.Equal("Delayed discharges fell to 412 in October 2026.", Text(Figures(point: null)));
    }

    [Fact]
    public void A_first_value_a_missing_previous_value_and_no_move_are_said_so()
    {
        Assert.Equal("Delayed discharges stood at 412 in October 2026, its first value.",
            Text(Figures(previous: null, earlier: false, run: 0)));
        Assert.Equal("Delayed discharges stood at 412 in October 2026, with no value for the month before: a real worsening.",
            Text(Figures(previous: null, run: 0, point: PointType.SpecialCauseConcern)));
        Assert.Equal("Delayed discharges stayed at 412 in October 2026: within its normal range.",
            Text(Figures(previous: 412, run: 0)));
    }

    [Fact]
    public void Runs_count_in_the_series_own_periods()
    {
        Assert.Equal("Delayed discharges rose to 450 in January to March 2026 for the 3rd quarter in a row: within its normal range.",
            Text(Figures(value: 450, period: Period.Parse("2026-Q1"), run: 3)));
        Assert.Equal("Delayed discharges rose to 450 in July to September 2025 for the 2nd quarter in a row: within its normal range.",
            Text(Figures(value: 450, period: Period.Parse("2025/26-Q2"), run: 2)));
        Assert.Equal("Delayed discharges fell to 412 in 2025/26 for the 4th year in a row: within its normal range.",
            Text(Figures(period: Period.Parse("2025/26"), run: 4)));
        Assert.Equal("Delayed discharges stood at 412 in 2025, with no value for the year before: within its normal range.",
            Text(Figures(period: Period.Parse("2025"), previous: null, run: 0)));
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(101, "101st")]
    [InlineData(111, "111th")]
    [InlineData(112, "112th")]
    public void Ordinals(int n, string expected) => Assert.Equal(expected, PeriodWords.Ordinal(n));

    [Theory]
    // Lower is better, target 420: 412 meets it, 430 misses it.
    [InlineData(412d, AssuranceIcon.ConsistentPass, TargetOutlook.MetAndLikelyToStayMet, "It meets its target of 420 and should keep doing so.")]
    [InlineData(430d, AssuranceIcon.ConsistentPass, TargetOutlook.MissedThoughUsuallyMet, "It missed its target of 420 this time, though it usually meets it.")]
    [InlineData(412d, AssuranceIcon.ConsistentFail, TargetOutlook.MetThoughUsuallyMissed, "It met its target of 420 this time, though it usually misses it.")]
    [InlineData(430d, AssuranceIcon.ConsistentFail, TargetOutlook.UnlikelyToBeMet, "It is unlikely to meet its target of 420 without a change.")]
    [InlineData(412d, AssuranceIcon.Inconsistent, TargetOutlook.MetButMayBeMissed, "It met its target of 420, but may miss it in some months.")]
    [InlineData(430d, AssuranceIcon.Inconsistent, TargetOutlook.MissedButMayBeMet, "It missed its target of 420, but may meet it in some months.")]
    [InlineData(412d, null, TargetOutlook.Met, "It met its target of 420.")]
    [InlineData(430d, null, TargetOutlook.Missed, "It missed its target of 420.")]
    public void Each_target_state(double value, AssuranceIcon? assurance, TargetOutlook outlook, string expected)
    {
        var change = ChangeSentences.Build(Figures(value: value, previous: 420, target: 420, assurance: assurance));
        Assert.Equal(outlook, change.Outlook);
        Assert.Equal(2, change.Sentences.Count);
        Assert.Equal(expected, change.Sentences[1]);
        Assert.Contains(new ChangeFact("Target", "420"), change.Facts);
    }

    [Fact]
    public void No_target_or_no_better_direction_says_nothing_of_targets()
    {
        Assert.Equal(TargetOutlook.NoTarget, ChangeSentences.Build(Figures()).Outlook);
        var neutral = ChangeSentences.Build(Figures(polarity: Polarity.NoJudgement, target: 420));
        Assert.Equal(TargetOutlook.NoTarget, neutral.Outlook);
        Assert.Single(neutral.Sentences);
    }

    [Fact]
    public void A_long_title_moves_the_comparison_and_then_the_judgement_into_a_sentence_of_their_own()
    {
        Assert.Equal(
            [
                "Emergency hospital admissions of people aged 65 and over fell to 412 in October 2026: a real improvement.",
                "It is now worse than England and in line with similar areas.",
            ],
            ChangeSentences.Build(Figures(title: "Emergency hospital admissions of people aged 65 and over",
                point: PointType.SpecialCauseImprovement, england: BenchmarkOutcome.Worse, similar: BenchmarkOutcome.Similar)).Sentences);
        Assert.Equal(
            [
                "Days people spent in hospital after they were ready to leave fell to 412 in October 2026 for the 12th month in a row.",
                "It is a real improvement, now worse than England and in line with similar areas.",
            ],
            ChangeSentences.Build(Figures(title: "Days people spent in hospital after they were ready to leave", run: 12,
                point: PointType.SpecialCauseImprovement, england: BenchmarkOutcome.Worse, similar: BenchmarkOutcome.Similar)).Sentences);
    }

    [Fact]
    public void The_facts_name_every_figure_the_sentence_used()
    {
        var change = ChangeSentences.Build(Figures(run: 7, point: PointType.SpecialCauseImprovement, england: BenchmarkOutcome.Similar,
            similar: BenchmarkOutcome.Better, target: 420, assurance: AssuranceIcon.Inconsistent) with
        {
            EnglandValue = N(415), SimilarAreasName = "CIPFA nearest neighbours", SimilarAreasMean = N(480),
        });
        Assert.Equal(
            [
                new("Value for October 2026", "412"),
                new("Value for September 2026", "430"),
                new("Months in a row it fell", "7"),
                new("SPC reading of this value", "Special cause: improvement"),
                new("Against England", "Similar (England 415, inside this value's 95% interval)"),
                new("Against the mean of CIPFA nearest neighbours", "Better (mean 480, outside this value's 95% interval)"),
                new("Target", "420"),
                new("SPC assurance against the target", "Sometimes passing, sometimes failing"),
            ],
            change.Facts);
    }
}

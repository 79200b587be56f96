using System.Text.RegularExpressions;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Grains.Statistics.PlainWords;
using Scrutiny.Grains.Statistics.Spc;

namespace Scrutiny.Grains.Tests.Statistics.PlainWords;

/// <summary>
/// Every sentence the builder can write, across every movement, run, SPC reading, polarity, benchmark outcome, target
/// state and frequency, for titles as long as the catalogue's: short on average, none long, and free of the words of
/// statisticians.
/// </summary>
public sealed partial class ChangeReadabilityTests
{
    private const double MaxAverageWords = 20;
    private const int MaxWords = 30;

    /// <summary>Words a resident should not meet in these sentences (the pages' tables may still use them).</summary>
    private static readonly string[] Jargon =
    [
        "statistically", "statistical", "significant", "significance", "sigma", "SPC", "special cause", "common cause",
        "process limit", "control limit", "confidence", "interval", "p-value", "regression", "quintile", "XmR", "variance",
        "standard deviation", "mean", "median", "assurance", "variation", "outlier", "benchmark",
    ];

    // From the demo's catalogue (silo/Seeding/Fixtures/indicators.csv): titles of 3 to 12 words, its shortest and its longest.
    private static readonly string[] Titles =
    [
        "Adults who smoke",
        "Adults who reoffend within a year",
        "Emergency hospital admissions of people aged 65 and over",
        "Children with a good level of development at the end of reception",
    ];

    private static IEnumerable<ChangeFigures> EveryCombination()
    {
        var periods = new[] { Period.Parse("2026-10"), Period.Parse("2026-Q3"), Period.Parse("2025/26"), Period.Parse("2025/26-Q4") };
        var moves = new (double? Previous, bool Earlier, int Run)[] { (null, false, 0), (null, true, 0), (412, true, 0), (430, true, 1), (430, true, 7), (300, true, 23) };
        var points = Enum.GetValues<PointType>().Select(p => (PointType?)p).Prepend(null).ToArray();
        var outcomes = Enum.GetValues<BenchmarkOutcome>().Select(o => (BenchmarkOutcome?)o).Prepend(null).ToArray();
        var targets = new (double? Target, AssuranceIcon? Assurance)[]
            { (null, null), (420, null), (400, null), (420, AssuranceIcon.ConsistentPass), (420, AssuranceIcon.ConsistentFail), (400, AssuranceIcon.Inconsistent) };
        foreach (var title in Titles)
        foreach (var polarity in Enum.GetValues<Polarity>())
        foreach (var period in periods)
        foreach (var (previous, earlier, run) in moves)
        foreach (var point in points)
        foreach (var england in outcomes)
        foreach (var similar in outcomes)
        foreach (var (target, assurance) in targets)
            yield return new ChangeFigures(title, polarity, period, new(412, "412.0 per 100,000"),
                previous is { } p ? new(p, $"{p:N1} per 100,000") : null, earlier, run, point, england, similar,
                target is { } t ? new(t, $"{t:N1} per 100,000") : null, assurance);
    }

    [Fact]
    public void Every_sentence_is_short_and_plain()
    {
        // Every sentence of every combination, as readers would meet them; then each distinct one for the other rules.
        var lengths = EveryCombination().SelectMany(f => ChangeSentences.Build(f).Sentences).Select(ChangeSentences.Words).ToList();
        Assert.True(lengths.Average() <= MaxAverageWords, $"average {lengths.Average():F1} words");
        var sentences = EveryCombination().SelectMany(f => ChangeSentences.Build(f).Sentences).Distinct().ToList();
        Assert.True(sentences.Count > 1000, $"only {sentences.Count} sentences");

        Assert.DoesNotContain(sentences, s => ChangeSentences.Words(s) > MaxWords);
        Assert.DoesNotContain(sentences, s => Jargon.Any(j => Regex.IsMatch(s, $@"\b{Regex.Escape(j)}\b", RegexOptions.IgnoreCase)));
        Assert.All(sentences, s => Assert.Matches(SentenceShape(), s));
    }

    [Fact]
    public void A_judgement_is_never_made_for_an_indicator_with_no_better_direction()
    {
        var neutral = EveryCombination().Where(f => f.Polarity == Polarity.NoJudgement
            && f.PointType is not (PointType.SpecialCauseImprovement or PointType.SpecialCauseConcern)
            && f.England is not (BenchmarkOutcome.Better or BenchmarkOutcome.Worse)
            && f.SimilarAreas is not (BenchmarkOutcome.Better or BenchmarkOutcome.Worse));
        foreach (var text in neutral.Select(f => ChangeSentences.Build(f).Text).Distinct())
            Assert.DoesNotMatch(@"\b(better|worse|improvement|worsening|target)\b", text);
    }

    // A capital first, one full stop at the end, no doubled spaces or punctuation.
    [GeneratedRegex(@"^[A-Z][^.]*(\.\d[^.]*)*\.$")]
    private static partial Regex SentenceShape();
}

using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Grains.Statistics.Spc;
using Scrutiny.Grains.Statistics.Trends;

namespace Scrutiny.Dashboard.Presentation;

/// <summary>
/// How the statistics' verdicts show: words always (colour is never the only signal) and a GOV.UK tag colour in
/// the spirit of "Making Data Count" (blue improvement, orange concern, purple neutral, grey common cause) and
/// Fingertips (green better, yellow similar, red worse). The machine name travels beside it in a data attribute.
/// </summary>
public static class StatisticsTags
{
    public static (string Text, string Colour) For(PointType type) => type switch
    {
        PointType.SpecialCauseImprovement => ("Improvement", "blue"),
        PointType.SpecialCauseConcern => ("Concern", "orange"),
        PointType.SpecialCauseNeutralHigh => ("Unusually high", "purple"),
        PointType.SpecialCauseNeutralLow => ("Unusually low", "purple"),
        _ => ("Common cause", "grey"),
    };

    public static string Describe(SpecialCause cause) => cause switch
    {
        SpecialCause.AboveUpperLimit => "Above the upper process limit",
        SpecialCause.BelowLowerLimit => "Below the lower process limit",
        SpecialCause.TrendIncreasing => "Part of 7 or more rising points",
        SpecialCause.TrendDecreasing => "Part of 7 or more falling points",
        SpecialCause.TwoOfThreeAbove => "2 of 3 points near the upper limit",
        SpecialCause.TwoOfThreeBelow => "2 of 3 points near the lower limit",
        SpecialCause.RunAboveMean => "Part of a run of 7 or more above the mean",
        SpecialCause.RunBelowMean => "Part of a run of 7 or more below the mean",
        _ => "No rule broken",
    };

    public static (string Text, string Colour) For(VariationIcon icon) => icon switch
    {
        VariationIcon.ImprovementHigh => ("Improving: special cause, higher", "blue"),
        VariationIcon.ImprovementLow => ("Improving: special cause, lower", "blue"),
        VariationIcon.ConcernHigh => ("Concern: special cause, higher", "orange"),
        VariationIcon.ConcernLow => ("Concern: special cause, lower", "orange"),
        VariationIcon.NeutralHigh => ("Special cause, higher", "purple"),
        VariationIcon.NeutralLow => ("Special cause, lower", "purple"),
        _ => ("Common cause: no significant change", "grey"),
    };

    public static (string Text, string Colour) For(AssuranceIcon icon) => icon switch
    {
        AssuranceIcon.ConsistentPass => ("Will consistently meet the target", "blue"),
        AssuranceIcon.ConsistentFail => ("Will consistently miss the target", "orange"),
        _ => ("May or may not meet the target", "grey"),
    };

    public static (string Text, string Colour) For(RecentTrend trend) => trend switch
    {
        RecentTrend.IncreasingAndGettingBetter => ("Increasing and getting better", "green"),
        RecentTrend.DecreasingAndGettingBetter => ("Decreasing and getting better", "green"),
        RecentTrend.IncreasingAndGettingWorse => ("Increasing and getting worse", "red"),
        RecentTrend.DecreasingAndGettingWorse => ("Decreasing and getting worse", "red"),
        RecentTrend.Increasing => ("Increasing", "blue"),
        RecentTrend.Decreasing => ("Decreasing", "blue"),
        RecentTrend.NoSignificantChange => ("No significant change", "grey"),
        _ => ("Cannot be calculated", "grey"),
    };

    public static (string Text, string Colour) For(BenchmarkOutcome outcome) => outcome switch
    {
        BenchmarkOutcome.Better => ("Better", "green"),
        BenchmarkOutcome.Similar => ("Similar", "yellow"),
        BenchmarkOutcome.Worse => ("Worse", "red"),
        BenchmarkOutcome.Higher => ("Higher", "light-blue"),
        BenchmarkOutcome.Lower => ("Lower", "blue"),
        _ => ("Not compared", "grey"),
    };

    /// <summary>The catalogue name of a verdict, for the <c>data-</c> attribute beside its words.</summary>
    public static string Name<T>(T value) where T : struct, Enum => CatalogueNames.Name(value);
}

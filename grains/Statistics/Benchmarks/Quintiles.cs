using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Statistics.Benchmarks;

/// <summary>
/// Quintile benchmarking, Fingertips' alternative to significance testing for indicators without confidence intervals
/// (FingertipsNext stored procedure <c>GetIndicatorDetailsWithQuintileBenchmarkComparison</c>:
/// <c>NTILE(5) OVER (PARTITION BY Year ORDER BY Value)</c>, then quintile 1 = worst for "High is good", best for
/// "Low is good", lowest for "No judgement").
/// </summary>
public static class Quintiles
{
    /// <summary>Fewer values than this cannot fill five quintiles with one place each.</summary>
    public const int MinimumValues = 5;

    /// <summary>
    /// The quintile of <paramref name="value"/> among <paramref name="values"/> (the places of the same type, this one
    /// included). SQL Server's NTILE(5) deals the sorted values into five groups whose sizes differ by at most one, the
    /// larger groups first (7 values: 2, 2, 1, 1, 1). NTILE splits tied values arbitrarily between groups; here a value
    /// takes the position of the first of its ties, so that equal values always share a quintile (the lower one).
    /// Null with fewer than <see cref="MinimumValues"/> values.
    /// </summary>
    public static Quintile? Of(double value, IReadOnlyList<double> values, Polarity polarity)
    {
        var n = values.Count;
        if (n < MinimumValues) return null;

        // 1-based position of the first value equal to this one in ascending order; a value not in the list takes the
        // position it would sort to, within 1..n.
        var position = Math.Min(n, 1 + values.Count(v => v < value));
        var size = n / 5;
        var larger = n % 5;             // this many groups have size + 1 values
        var inLarger = larger * (size + 1);
        var number = position <= inLarger
            ? (position - 1) / (size + 1) + 1
            : larger + (position - inLarger - 1) / size + 1;
        return new Quintile(number, BandOf(number, polarity));
    }

    // Quintile 1 (lowest values) first.
    private static readonly QuintileBand[] HigherIsBetterBands =
        [QuintileBand.Worst, QuintileBand.Worse, QuintileBand.Middle, QuintileBand.Better, QuintileBand.Best];
    private static readonly QuintileBand[] LowerIsBetterBands =
        [QuintileBand.Best, QuintileBand.Better, QuintileBand.Middle, QuintileBand.Worse, QuintileBand.Worst];
    private static readonly QuintileBand[] NoJudgementBands =
        [QuintileBand.Lowest, QuintileBand.Low, QuintileBand.Mid, QuintileBand.High, QuintileBand.Highest];

    private static QuintileBand BandOf(int number, Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => HigherIsBetterBands[number - 1],
        Polarity.LowerIsBetter => LowerIsBetterBands[number - 1],
        _ => NoJudgementBands[number - 1],
    };
}

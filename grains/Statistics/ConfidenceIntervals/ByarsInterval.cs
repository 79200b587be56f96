namespace Scrutiny.Grains.Statistics.ConfidenceIntervals;

/// <summary>
/// Byar's approximation to the exact Poisson interval for a count (Breslow NE, Day NE. Statistical Methods in Cancer
/// Research, Vol II, IARC 1987, p.69), as PHEindicatormethods' <c>byars_lower</c> / <c>byars_upper</c> compute it and
/// Fingertips publishes it. A rate's interval is the count's interval scaled by multiplier / denominator, because the
/// denominator (a population) is treated as known without error.
/// </summary>
public static class ByarsInterval
{
    /// <summary>The interval for an observed <paramref name="count"/> of events.</summary>
    public static ConfidenceInterval ForCount(double count, ConfidenceLevel level)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "Count must not be negative.");
        return new(Lower(count, level.Z), Upper(count, level.Z));
    }

    /// <summary>The interval for a rate of <paramref name="count"/> events per <paramref name="multiplier"/> of
    /// <paramref name="denominator"/> (for example per 100,000 population).</summary>
    public static ConfidenceInterval ForRate(double count, double denominator, double multiplier, ConfidenceLevel level)
    {
        if (denominator <= 0) throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "Denominator must be positive.");
        return ForCount(count, level).Scale(multiplier / denominator);
    }

    // O(1 - 1/(9O) - z/(3√O))³. With no events the formula is 0 × ∞; the lower limit of a count of 0 is 0.
    private static double Lower(double count, double z) =>
        count == 0 ? 0 : count * Math.Pow(1 - 1 / (9 * count) - z / (3 * Math.Sqrt(count)), 3);

    // (O+1)(1 - 1/(9(O+1)) + z/(3√(O+1)))³: the upper limit uses one more event than observed.
    private static double Upper(double count, double z)
    {
        var next = count + 1;
        return next * Math.Pow(1 - 1 / (9 * next) + z / (3 * Math.Sqrt(next)), 3);
    }
}

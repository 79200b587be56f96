namespace Scrutiny.Grains.Statistics.ConfidenceIntervals;

/// <summary>
/// The Wilson score interval for a proportion (Wilson EB, J Am Stat Assoc 1927;22:209-212), as Fingertips and
/// PHEindicatormethods' <c>wilson_lower</c> / <c>wilson_upper</c> compute it. Unlike the normal (Wald) interval it
/// stays within 0 to 1 and does not collapse to a point when the numerator is 0 or equals the denominator, which
/// small places and rare events produce often.
/// </summary>
public static class WilsonInterval
{
    /// <summary>The interval for <paramref name="numerator"/> events out of <paramref name="denominator"/>, as a
    /// proportion (0 to 1).</summary>
    public static ConfidenceInterval ForProportion(double numerator, double denominator, ConfidenceLevel level)
    {
        if (denominator <= 0) throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "Denominator must be positive.");
        if (numerator < 0 || numerator > denominator)
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "Numerator must lie between 0 and the denominator.");

        var z = level.Z;
        var zSquared = z * z;
        var centre = 2 * numerator + zSquared;
        var halfWidth = z * Math.Sqrt(zSquared + 4 * numerator * (1 - numerator / denominator));
        var scale = 2 * (denominator + zSquared);
        return new((centre - halfWidth) / scale, (centre + halfWidth) / scale);
    }
}

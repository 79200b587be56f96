namespace Scrutiny.Grains.Statistics.Distributions;

/// <summary>The chi-square distribution with one degree of freedom, the distribution of a squared standard normal,
/// which is what the tests for trend produce.</summary>
public static class ChiSquare
{
    /// <summary>P(X ≥ <paramref name="statistic"/>) for X ~ χ²(1): erfc(√(x/2)), because X = Z² and
    /// P(|Z| ≥ z) = erfc(z/√2).</summary>
    public static double UpperTailOneDegree(double statistic)
    {
        if (statistic < 0) throw new ArgumentOutOfRangeException(nameof(statistic), statistic, "A chi-square statistic is not negative.");
        return SpecialFunctions.Erfc(Math.Sqrt(statistic / 2));
    }
}

namespace Scrutiny.Grains.Statistics.ConfidenceIntervals;

/// <summary>
/// A two-sided confidence level and its standard normal critical value z. Fingertips and PHEindicatormethods publish
/// intervals at 95% (is a value different from a comparator?) and 99.8% (about three standard errors, the limit
/// funnel plots use), so these are the only two levels offered.
/// </summary>
public sealed record ConfidenceLevel
{
    /// <summary>z for 95%: the standard normal 0.975 quantile, R's <c>qnorm(0.975)</c> printed to 16 significant
    /// figures, which is how PHEindicatormethods derives it (<c>qnorm(confidence + (1 - confidence) / 2)</c>).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>z for 99.8%: the standard normal 0.999 quantile, R's <c>qnorm(0.999)</c> printed to 16 significant
    /// figures, derived the same way as <see cref="Z95"/>.</summary>
    public const double Z998 = 3.090232306167813;

    /// <summary>The 95% level.</summary>
    public static readonly ConfidenceLevel NinetyFive = new(95, Z95);

    /// <summary>The 99.8% level.</summary>
    public static readonly ConfidenceLevel NinetyNinePointEight = new(99.8, Z998);

    private ConfidenceLevel(double percent, double z) => (Percent, Z) = (percent, z);

    /// <summary>The level as a percentage, as the fixtures and exports write it (95 or 99.8).</summary>
    public double Percent { get; }

    /// <summary>The two-sided standard normal critical value for this level.</summary>
    public double Z { get; }

    /// <summary>The level written as a percentage; throws for any level other than 95 or 99.8, because an
    /// interval at an unsupported level would silently use the wrong z.</summary>
    public static ConfidenceLevel FromPercent(double percent) => percent switch
    {
        95 => NinetyFive,
        99.8 => NinetyNinePointEight,
        _ => throw new ArgumentOutOfRangeException(nameof(percent), percent, "Confidence level must be 95 or 99.8."),
    };
}

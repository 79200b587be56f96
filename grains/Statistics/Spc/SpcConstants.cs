namespace Scrutiny.Grains.Statistics.Spc;

/// <summary>The fixed numbers of the XmR chart, each with where it comes from.</summary>
public static class SpcConstants
{
    /// <summary>3 / d2, where d2 = 1.128 is the bias-correction constant for moving ranges of two points; the mean
    /// moving range times 2.66 is three standard deviations (Wheeler DJ, Understanding Variation, 1993; NHS England
    /// "Making Data Count", 2019; NHSRplotthedots 0.2.2 <c>ptd_spc_standard</c>).</summary>
    public const double ProcessLimitFactor = 2.66;

    /// <summary>Two thirds of <see cref="ProcessLimitFactor"/>: the 2-sigma limits that the two-of-three rule uses
    /// (NHSRplotthedots 0.2.2 <c>ptd_spc_standard</c>, "near" limits).</summary>
    public const double TwoSigmaFactor = 2.0 / 3.0 * ProcessLimitFactor;

    /// <summary>D4 for subgroups of two: the upper limit of a moving-range chart, as a multiple of the mean moving
    /// range. Moving ranges at or above it are screened out before the limits are set (Nelson LS, "Control charts
    /// for individual measurements", JQT 1982; NHSRplotthedots 0.2.2 <c>screen_outliers</c>).</summary>
    public const double MovingRangeScreenFactor = 3.267;

    /// <summary>Points in a run on one side of the mean that signal a shift ("Making Data Count": a run of 7).</summary>
    public const int RunLength = 7;

    /// <summary>Points rising or falling in a row that signal a trend ("Making Data Count": 7 points, 6 steps).</summary>
    public const int TrendLength = 7;

    /// <summary>The two-of-three rule: this many of <see cref="TwoOfThreeWindow"/> consecutive points beyond a 2-sigma
    /// limit on the same side ("Making Data Count"; NHSRplotthedots 0.2.2 <c>ptd_two_in_three</c>).</summary>
    public const int TwoOfThreeCount = 2;

    /// <summary>The window of the two-of-three rule.</summary>
    public const int TwoOfThreeWindow = 3;

    /// <summary>Limits fixed on fewer points than this are unreliable; NHSRplotthedots 0.2.2 refuses a smaller
    /// <c>fix_after_n_points</c>, and "Making Data Count" asks for at least 12 points before limits are set.</summary>
    public const int MinimumPointsToFixLimits = 12;
}

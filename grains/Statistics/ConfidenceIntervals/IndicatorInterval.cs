using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Statistics.ConfidenceIntervals;

/// <summary>
/// The confidence interval of an indicator's value, by the method Fingertips uses for its unit: Wilson for a
/// proportion, Byar's for a count or a rate (PHE/OHID Public Health Technical Guidance, "Confidence intervals";
/// PHEindicatormethods <c>phe_proportion</c>, <c>phe_rate</c>). One place decides the method so that the API, the
/// pages and the export cannot disagree about significance.
/// </summary>
public static class IndicatorInterval
{
    /// <summary>
    /// The interval of an indicator value on the value's own scale: Wilson × 100 for a percentage; Byar's scaled by
    /// multiplier / denominator for a rate per 1,000 or per 100,000; Byar's on the count for a count (the denominator
    /// is not used). Null where no interval means anything: a value or percentage-point unit (no sampling model), a
    /// missing or non-positive denominator for a ratio, a numerator the method cannot take (negative, not finite,
    /// above the denominator for a percentage, not whole for a count).
    /// </summary>
    public static ConfidenceInterval? For(IndicatorDefinition indicator, double numerator, double? denominator,
        ConfidenceLevel level)
    {
        if (!double.IsFinite(numerator) || numerator < 0) return null;
        if (indicator.Unit == IndicatorUnit.Count)
            return numerator == Math.Floor(numerator) ? ByarsInterval.ForCount(numerator, level) : null;
        if (indicator.Multiplier is not { } multiplier) return null;
        if (denominator is not { } d || !double.IsFinite(d) || d <= 0) return null;

        if (indicator.Unit == IndicatorUnit.Percentage)
            return numerator > d ? null : WilsonInterval.ForProportion(numerator, d, level).Scale(multiplier);
        return ByarsInterval.ForRate(numerator, d, multiplier, level);
    }
}

namespace Scrutiny.Grains.Statistics.Spc;

/// <summary>The centre line and limits of one segment of an XmR chart.</summary>
[GenerateSerializer, Immutable]
public sealed record XmrLimits(double Mean, double MeanMovingRange)
{
    public double LowerProcessLimit => Mean - SpcConstants.ProcessLimitFactor * MeanMovingRange;
    public double UpperProcessLimit => Mean + SpcConstants.ProcessLimitFactor * MeanMovingRange;
    public double LowerTwoSigmaLimit => Mean - SpcConstants.TwoSigmaFactor * MeanMovingRange;
    public double UpperTwoSigmaLimit => Mean + SpcConstants.TwoSigmaFactor * MeanMovingRange;

    /// <summary>The limits of <paramref name="values"/> (the points the limits are based on: a whole segment, or its
    /// first N points when limits are fixed). Screening drops moving ranges at or above
    /// <see cref="SpcConstants.MovingRangeScreenFactor"/> times their mean and recomputes the mean once, so that
    /// one big jump does not widen the limits enough to hide itself (NHSRplotthedots 0.2.2).</summary>
    public static XmrLimits Of(IReadOnlyList<double> values, bool screenMovingRanges)
    {
        if (values.Count == 0) throw new ArgumentException("An XmR chart needs at least one point.", nameof(values));
        var mean = values.Average();
        var ranges = MovingRanges(values);
        if (ranges.Count == 0) return new XmrLimits(mean, 0);
        var meanRange = ranges.Average();
        if (screenMovingRanges)
        {
            var ceiling = SpcConstants.MovingRangeScreenFactor * meanRange;
            var kept = ranges.Where(r => r < ceiling).ToList();
            // Every range ≥ the ceiling cannot happen (the largest would exceed 3.267 × the mean of all) unless
            // all ranges are 0 and the ceiling is 0; then the spread is 0 either way.
            meanRange = kept.Count == 0 ? 0 : kept.Average();
        }
        return new XmrLimits(mean, meanRange);
    }

    /// <summary>|x_i − x_{i−1}| for each point after the first.</summary>
    public static IReadOnlyList<double> MovingRanges(IReadOnlyList<double> values)
    {
        var ranges = new double[Math.Max(0, values.Count - 1)];
        for (var i = 0; i < ranges.Length; i++) ranges[i] = Math.Abs(values[i + 1] - values[i]);
        return ranges;
    }
}

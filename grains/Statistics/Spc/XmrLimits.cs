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
    public static XmrLimits Of(IReadOnlyList<double> values, bool screenMovingRanges) => Of(Values.AsSpan(values), screenMovingRanges);

    /// <summary>The same over a span: a place's icons are worked out after every change, over a slice of its series.</summary>
    public static XmrLimits Of(ReadOnlySpan<double> values, bool screenMovingRanges)
    {
        if (values.IsEmpty) throw new ArgumentException("An XmR chart needs at least one point.", nameof(values));
        // Summed in order, as LINQ's Average does, so that limits do not move in the last digits between the two forms.
        var mean = 0.0;
        foreach (var value in values) mean += value;
        mean /= values.Length;
        if (values.Length == 1) return new XmrLimits(mean, 0);
        // The moving ranges |x_i − x_{i−1}| for each point after the first, read where they are rather than copied out.
        var meanRange = 0.0;
        for (var i = 1; i < values.Length; i++) meanRange += Math.Abs(values[i] - values[i - 1]);
        meanRange /= values.Length - 1;
        if (screenMovingRanges)
        {
            var ceiling = SpcConstants.MovingRangeScreenFactor * meanRange;
            var (kept, keptTotal) = (0, 0.0);
            for (var i = 1; i < values.Length; i++)
                if (Math.Abs(values[i] - values[i - 1]) is var range && range < ceiling)
                {
                    kept++;
                    keptTotal += range;
                }
            // Every range ≥ the ceiling cannot happen (the largest would exceed 3.267 × the mean of all) unless
            // all ranges are 0 and the ceiling is 0; then the spread is 0 either way.
            meanRange = kept == 0 ? 0 : keptTotal / kept;
        }
        return new XmrLimits(mean, meanRange);
    }
}

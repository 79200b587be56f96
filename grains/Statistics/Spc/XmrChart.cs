using System.Runtime.InteropServices;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Statistics.Spc;

/// <summary>How to draw an XmR chart.</summary>
/// <param name="Polarity">Which way is better; decides improvement against concern.</param>
/// <param name="Target">The target, for the assurance icon; none without one.</param>
/// <param name="ScreenMovingRanges">Drop outlying moving ranges before setting limits (the default, as in
/// NHSRplotthedots 0.2.2).</param>
/// <param name="FixAfterPoints">Base each segment's limits on its first N points only (N ≥ 12).</param>
/// <param name="RebaseAt">Zero-based indices of the points at which new segments, with limits of their own, begin.</param>
[GenerateSerializer, Immutable]
public sealed record XmrOptions(
    Polarity Polarity,
    double? Target = null,
    bool ScreenMovingRanges = true,
    int? FixAfterPoints = null,
    IReadOnlyList<int>? RebaseAt = null);

/// <summary>One point of an XmR chart.</summary>
[GenerateSerializer, Immutable]
public sealed record XmrPoint(
    double Value, double Mean, double LowerProcessLimit, double UpperProcessLimit,
    double LowerTwoSigmaLimit, double UpperTwoSigmaLimit, SpecialCause SpecialCause, PointType PointType);

/// <summary>An XmR chart: its points and the icons of its last point.</summary>
[GenerateSerializer, Immutable]
public sealed record XmrChart(IReadOnlyList<XmrPoint> Points, VariationIcon? VariationIcon, AssuranceIcon? AssuranceIcon)
{
    /// <summary>The "Making Data Count" XmR chart of <paramref name="values"/>, in time order.</summary>
    public static XmrChart Of(IReadOnlyList<double> values, XmrOptions options)
    {
        Check(options);
        if (values.Count == 0) return new XmrChart([], null, null);

        var points = new List<XmrPoint>(values.Count);
        XmrLimits? last = null;
        foreach (var (start, end) in Segments(values.Count, options.RebaseAt ?? []))
        {
            var (segment, limits) = Segment(values, start, end, options);
            var causes = SpecialCauseRules.Classify(segment, limits);
            last = limits;
            for (var i = 0; i < segment.Count; i++)
            {
                points.Add(new XmrPoint(segment[i], last.Mean, last.LowerProcessLimit, last.UpperProcessLimit,
                    last.LowerTwoSigmaLimit, last.UpperTwoSigmaLimit, causes[i],
                    SpcClassification.PointTypeOf(causes[i], segment[i], last.Mean, options.Polarity)));
            }
        }
        return new XmrChart(points,
            SpcClassification.VariationIconOf(points[^1].PointType, options.Polarity),
            SpcClassification.AssuranceIconOf(options.Target, last!, options.Polarity));
    }

    /// <summary>
    /// The icons <see cref="Of"/> gives, from the last segment alone (they depend on its limits and its last point):
    /// what a place's scorecard row needs after every change, without a point record for every period.
    /// </summary>
    public static (VariationIcon? Variation, AssuranceIcon? Assurance) IconsOf(IReadOnlyList<double> values, XmrOptions options)
    {
        Check(options);
        if (values.Count == 0) return (null, null);
        // The last segment read in place, not copied out: this runs for every grain of every batch.
        var segment = Values.AsSpan(values)[LastSegmentStart(values.Count, options.RebaseAt ?? [])..];
        var limits = LimitsOf(segment, options);
        var lastType = SpcClassification.PointTypeOf(SpecialCauseRules.ClassifyLast(segment, limits), segment[^1], limits.Mean, options.Polarity);
        return (SpcClassification.VariationIconOf(lastType, options.Polarity), SpcClassification.AssuranceIconOf(options.Target, limits, options.Polarity));
    }

    private static void Check(XmrOptions options)
    {
        if (options.FixAfterPoints is < SpcConstants.MinimumPointsToFixLimits)
            throw new ArgumentOutOfRangeException(nameof(options),
                $"Limits can be fixed after no fewer than {SpcConstants.MinimumPointsToFixLimits} points.");
    }

    /// <summary>One segment's values and its limits.</summary>
    private static (List<double> Segment, XmrLimits Limits) Segment(IReadOnlyList<double> values, int start, int end, XmrOptions options)
    {
        var segment = values.Skip(start).Take(end - start).ToList();
        return (segment, LimitsOf(CollectionsMarshal.AsSpan(segment), options));
    }

    /// <summary>A segment's limits: from all of it, or from its first points when the options fix them.</summary>
    private static XmrLimits LimitsOf(ReadOnlySpan<double> segment, XmrOptions options) =>
        XmrLimits.Of(options.FixAfterPoints is { } n ? segment[..Math.Min(n, segment.Length)] : segment, options.ScreenMovingRanges);

    /// <summary>[start, end) of each segment; rebase points outside the series or at its start are ignored.</summary>
    private static IEnumerable<(int Start, int End)> Segments(int count, IReadOnlyList<int> rebaseAt)
    {
        var starts = rebaseAt.Where(i => i > 0 && i < count).Distinct().Order().Prepend(0).ToList();
        for (var s = 0; s < starts.Count; s++)
            yield return (starts[s], s + 1 < starts.Count ? starts[s + 1] : count);
    }

    /// <summary>Where the last of <see cref="Segments"/> starts.</summary>
    private static int LastSegmentStart(int count, IReadOnlyList<int> rebaseAt)
    {
        var start = 0;
        for (var i = 0; i < rebaseAt.Count; i++)
            if (rebaseAt[i] > start && rebaseAt[i] < count) start = rebaseAt[i];
        return start;
    }
}

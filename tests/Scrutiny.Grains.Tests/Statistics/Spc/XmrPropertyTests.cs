using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Spc;

namespace Scrutiny.Grains.Tests.Statistics.Spc;

/// <summary>
/// Invariants of the XmR chart over thousands of random series (seeded, so a failure is reproducible): symmetric,
/// ordered limits; every special cause backed by its rule, evaluated here independently and naively (by sliding
/// windows) from the definitions in <see cref="SpecialCauseRules"/>; no rule that holds without a flag; the named cause
/// the first holding rule in <see cref="SpecialCauseRules.Precedence"/>; point types consistent with polarity; the icons
/// <see cref="XmrChart.IconsOf"/> finds from the last segment the same as the whole chart's.
/// </summary>
public sealed class XmrPropertyTests
{
    private const int Series = 3000;
    private const int MaximumLength = 60;
    private const double Tolerance = 1e-9;

    [Fact]
    public void Every_random_chart_keeps_the_invariants()
    {
        var random = new Random(20240611);
        var seen = new Dictionary<SpecialCause, int>();
        for (var s = 0; s < Series; s++)
        {
            var values = RandomSeries(random);
            var options = RandomOptions(random, values.Length);
            var chart = XmrChart.Of(values, options);
            var context = $"series {s}: [{string.Join(", ", values)}], {options}, rebase [{string.Join(", ", options.RebaseAt ?? [])}]";

            Assert.True(chart.Points.Count == values.Length, context);
            // The icons from the last segment alone (a place's scorecard row) are the whole chart's, with and without a
            // target (one at the series' mean falls inside, above or below the last limits as the series goes).
            Assert.True(XmrChart.IconsOf(values, options) == (chart.VariationIcon, chart.AssuranceIcon), context);
            var targeted = options with { Target = values.Average() };
            var chartWithTarget = XmrChart.Of(values, targeted);
            Assert.True(XmrChart.IconsOf(values, targeted) == (chartWithTarget.VariationIcon, chartWithTarget.AssuranceIcon), context);
            foreach (var (start, end) in Segments(values.Length, options.RebaseAt ?? []))
                CheckSegment(values, chart.Points, start, end, options, context);
            foreach (var point in chart.Points) seen[point.SpecialCause] = seen.GetValueOrDefault(point.SpecialCause) + 1;
        }

        // The generator must reach every rule, or the invariants above prove little.
        Assert.All(Enum.GetValues<SpecialCause>(), cause => Assert.True(seen.GetValueOrDefault(cause) > 0, $"{cause} never occurred"));
    }

    [Fact]
    public void The_last_point_alone_is_named_as_the_whole_series_names_it()
    {
        var random = new Random(20261205);
        var seen = new HashSet<SpecialCause>();
        for (var s = 0; s < Series; s++)
        {
            var values = RandomSeries(random);
            var limits = XmrLimits.Of(values, screenMovingRanges: random.Next(2) == 0);
            // Every prefix: the last point of each is named alone as the classification of the whole prefix names it.
            for (var n = 1; n <= values.Length; n++)
            {
                var prefix = values[..n];
                var expected = SpecialCauseRules.Classify(prefix, limits)[^1];
                Assert.True(SpecialCauseRules.ClassifyLast(prefix, limits) == expected, $"series {s}, first {n}: [{string.Join(", ", prefix)}]");
                seen.Add(expected);
            }
        }
        Assert.All(Enum.GetValues<SpecialCause>(), cause => Assert.Contains(cause, seen));
    }

    private static void CheckSegment(double[] values, IReadOnlyList<XmrPoint> points, int start, int end, XmrOptions options, string context)
    {
        var first = points[start];
        var segment = values[start..end];

        // Limits: one set per segment, symmetric about the mean and ordered.
        for (var i = start; i < end; i++)
        {
            var p = points[i];
            Assert.True(p.Value == values[i], context);
            Assert.True(p.Mean == first.Mean && p.UpperProcessLimit == first.UpperProcessLimit
                && p.LowerProcessLimit == first.LowerProcessLimit, context);
            Assert.True(Math.Abs((p.UpperProcessLimit - p.Mean) - (p.Mean - p.LowerProcessLimit)) < Tolerance, context);
            Assert.True(Math.Abs((p.UpperTwoSigmaLimit - p.Mean) - (p.Mean - p.LowerTwoSigmaLimit)) < Tolerance, context);
            Assert.True(p.LowerProcessLimit <= p.LowerTwoSigmaLimit && p.LowerTwoSigmaLimit <= p.Mean
                && p.Mean <= p.UpperTwoSigmaLimit && p.UpperTwoSigmaLimit <= p.UpperProcessLimit, context);
        }

        // The limits come from the segment's basis: the mean of its first N points (all when not fixed), and 2.66 ×
        // the mean moving range, screened of ranges at or above 3.267 × their mean.
        var basis = options.FixAfterPoints is { } n ? segment.Take(n).ToArray() : segment;
        Assert.True(Math.Abs(first.Mean - basis.Sum() / basis.Length) < Tolerance * Math.Max(1, Math.Abs(first.Mean)), context);
        var ranges = basis.Zip(basis.Skip(1), (a, b) => Math.Abs(b - a)).ToArray();
        var spread = ranges.Length == 0 ? 0 : ranges.Average();
        if (options.ScreenMovingRanges && ranges.Length > 0)
        {
            var kept = ranges.Where(r => r < SpcConstants.MovingRangeScreenFactor * spread).ToArray();
            spread = kept.Length == 0 ? 0 : kept.Average();
        }
        Assert.True(Math.Abs(first.UpperProcessLimit - first.Mean - SpcConstants.ProcessLimitFactor * spread) < Tolerance * Math.Max(1, spread), context);

        // Causes: exactly the first rule that holds, in precedence order.
        for (var i = 0; i < segment.Length; i++)
        {
            var point = points[start + i];
            var holding = SpecialCauseRules.Precedence.Where(rule => Holds(rule, segment, i, point)).ToList();
            var expected = holding.Count == 0 ? SpecialCause.CommonCause : holding[0];
            Assert.True(expected == point.SpecialCause, $"{context}; point {start + i}: expected {expected}, got {point.SpecialCause}");
            CheckPointType(point, options.Polarity, context);
        }
    }

    /// <summary>Whether <paramref name="rule"/> flags point <paramref name="i"/> of a segment, straight from the
    /// definitions: windows of consecutive points within the segment.</summary>
    private static bool Holds(SpecialCause rule, double[] v, int i, XmrPoint limits) => rule switch
    {
        SpecialCause.AboveUpperLimit => v[i] > limits.UpperProcessLimit,
        SpecialCause.BelowLowerLimit => v[i] < limits.LowerProcessLimit,
        // Part of 7 consecutive points each strictly above (below) the one before; an equal pair breaks it.
        SpecialCause.TrendIncreasing => InWindow(v.Length, i, SpcConstants.TrendLength,
            s => Enumerable.Range(s + 1, SpcConstants.TrendLength - 1).All(k => v[k] > v[k - 1])),
        SpecialCause.TrendDecreasing => InWindow(v.Length, i, SpcConstants.TrendLength,
            s => Enumerable.Range(s + 1, SpcConstants.TrendLength - 1).All(k => v[k] < v[k - 1])),
        // Itself near the limit on that side (beyond the 2-sigma limit, not beyond the process limit), with at least
        // 2 of some 3 consecutive points containing it so.
        SpecialCause.TwoOfThreeAbove => NearAbove(v[i], limits) && InWindow(v.Length, i, SpcConstants.TwoOfThreeWindow,
            s => Enumerable.Range(s, SpcConstants.TwoOfThreeWindow).Count(k => NearAbove(v[k], limits)) >= SpcConstants.TwoOfThreeCount),
        SpecialCause.TwoOfThreeBelow => NearBelow(v[i], limits) && InWindow(v.Length, i, SpcConstants.TwoOfThreeWindow,
            s => Enumerable.Range(s, SpcConstants.TwoOfThreeWindow).Count(k => NearBelow(v[k], limits)) >= SpcConstants.TwoOfThreeCount),
        // Part of 7 consecutive points strictly above (below) the mean; a point on the mean is on neither side.
        SpecialCause.RunAboveMean => InWindow(v.Length, i, SpcConstants.RunLength,
            s => Enumerable.Range(s, SpcConstants.RunLength).All(k => v[k] > limits.Mean)),
        SpecialCause.RunBelowMean => InWindow(v.Length, i, SpcConstants.RunLength,
            s => Enumerable.Range(s, SpcConstants.RunLength).All(k => v[k] < limits.Mean)),
        _ => false,
    };

    private static bool NearAbove(double value, XmrPoint limits) =>
        value > limits.UpperTwoSigmaLimit && value <= limits.UpperProcessLimit;

    private static bool NearBelow(double value, XmrPoint limits) =>
        value < limits.LowerTwoSigmaLimit && value >= limits.LowerProcessLimit;

    /// <summary>Whether some window of <paramref name="width"/> consecutive points that contains point i and lies
    /// within the segment satisfies <paramref name="test"/> (given the window's first index).</summary>
    private static bool InWindow(int length, int i, int width, Func<int, bool> test)
    {
        for (var s = Math.Max(0, i - width + 1); s <= i && s + width <= length; s++)
            if (test(s)) return true;
        return false;
    }

    private static void CheckPointType(XmrPoint point, Polarity polarity, string context)
    {
        var side = Math.Sign(point.Value - point.Mean);
        var expected = point.SpecialCause == SpecialCause.CommonCause ? PointType.CommonCause
            : polarity == Polarity.NoJudgement ? (side > 0 ? PointType.SpecialCauseNeutralHigh : PointType.SpecialCauseNeutralLow)
            : side == (polarity == Polarity.HigherIsBetter ? 1 : -1) ? PointType.SpecialCauseImprovement
            : PointType.SpecialCauseConcern;
        Assert.True(expected == point.PointType, $"{context}; {point}: expected {expected}");
        if (polarity == Polarity.NoJudgement)
            Assert.True(point.PointType is not (PointType.SpecialCauseImprovement or PointType.SpecialCauseConcern), context);
        else
            Assert.True(point.PointType is not (PointType.SpecialCauseNeutralHigh or PointType.SpecialCauseNeutralLow), context);
    }

    /// <summary>The segments as <see cref="XmrChart"/> documents them: rebase points inside the series (not at 0)
    /// start new segments.</summary>
    private static IEnumerable<(int Start, int End)> Segments(int count, IReadOnlyList<int> rebaseAt)
    {
        var starts = rebaseAt.Where(i => i > 0 && i < count).Distinct().Order().Prepend(0).ToList();
        for (var s = 0; s < starts.Count; s++)
            yield return (starts[s], s + 1 < starts.Count ? starts[s + 1] : count);
    }

    private static double[] RandomSeries(Random random)
    {
        var length = random.Next(1, MaximumLength + 1);
        var level = random.NextDouble() * 200 - 50;
        var noise = random.NextDouble() * 10;
        var kind = random.Next(7);
        var stepAt = random.Next(length);
        var step = (random.NextDouble() - 0.5) * 8 * noise;
        var slope = (random.NextDouble() - 0.5) * noise;
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = kind switch
            {
                0 => level + noise * Normal(random),                                      // stable process
                1 => level + noise * Normal(random) + (i >= stepAt ? step : 0),           // a shift
                2 => level + slope * i + noise * Normal(random) * 0.3,                    // a trend
                3 => random.Next(0, 6),                                                   // small counts: many ties
                4 => Math.Round(level + noise * Normal(random)),                          // rounded: ties on the mean
                5 => i % 9 == 8 ? level + 6 * noise : level + noise * Normal(random),     // occasional spikes
                _ => level,                                                               // constant: no spread
            };
        }
        return values;
    }

    private static XmrOptions RandomOptions(Random random, int length)
    {
        var polarity = (Polarity)random.Next(3);
        int[]? rebase = random.Next(3) == 0 ? null : [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(-2, length + 3))];
        int? fixAfter = random.Next(3) == 0 ? random.Next(SpcConstants.MinimumPointsToFixLimits, 25) : null;
        return new XmrOptions(polarity, Target: null, ScreenMovingRanges: random.Next(2) == 0, FixAfterPoints: fixAfter, RebaseAt: rebase);
    }

    /// <summary>A standard normal draw by the Box–Muller transform.</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

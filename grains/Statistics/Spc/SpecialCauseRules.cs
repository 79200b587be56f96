namespace Scrutiny.Grains.Statistics.Spc;

/// <summary>The "Making Data Count" rules for special-cause variation, applied to one segment of a chart.</summary>
public static class SpecialCauseRules
{
    /// <summary>Which rule names a point that several rules flag: a point beyond a process limit is the strongest
    /// signal, then a trend, then two of three near a limit, then a run. The SPC fixtures fix this order (a point in
    /// both a trend and a run is a trend; in both two-of-three and a run is two-of-three; a trend point near a limit
    /// is a trend).</summary>
    public static readonly IReadOnlyList<SpecialCause> Precedence =
    [
        SpecialCause.AboveUpperLimit, SpecialCause.BelowLowerLimit,
        SpecialCause.TrendIncreasing, SpecialCause.TrendDecreasing,
        SpecialCause.TwoOfThreeAbove, SpecialCause.TwoOfThreeBelow,
        SpecialCause.RunAboveMean, SpecialCause.RunBelowMean,
    ];

    /// <summary>The special cause of each point of <paramref name="values"/>, against <paramref name="limits"/>.</summary>
    public static IReadOnlyList<SpecialCause> Classify(IReadOnlyList<double> values, XmrLimits limits)
    {
        var marks = Marks(values, limits);
        var causes = new SpecialCause[marks.Length];
        for (var i = 0; i < marks.Length; i++) causes[i] = Named(marks[i]);
        return causes;
    }

    /// <summary>
    /// The special cause of the last point alone, as <see cref="Classify"/> names it: each rule is followed back from the
    /// last point only as far as it can reach it (its run on one side of the mean, its run of steps, its window of three),
    /// so that a place's icons after every change cost what the last run does, not a mark for every point.
    /// </summary>
    public static SpecialCause ClassifyLast(ReadOnlySpan<double> values, XmrLimits limits)
    {
        if (values.IsEmpty) throw new ArgumentException("An XmR chart needs at least one point.", nameof(values));
        var last = values.Length - 1;
        var marks = 0;
        if (values[last] > limits.UpperProcessLimit) marks |= Bit(SpecialCause.AboveUpperLimit);
        if (values[last] < limits.LowerProcessLimit) marks |= Bit(SpecialCause.BelowLowerLimit);

        // The steps into the last point, all strictly up (or down): a step into the first point there is not.
        var step = last == 0 ? 0 : Math.Sign(values[last] - values[last - 1]);
        var steps = step == 0 ? 0 : 1;
        while (step != 0 && last - steps >= 1 && Math.Sign(values[last - steps] - values[last - steps - 1]) == step) steps++;
        if (steps >= SpcConstants.TrendLength - 1) marks |= Bit(step > 0 ? SpecialCause.TrendIncreasing : SpecialCause.TrendDecreasing);

        // The one window of three that holds the last point.
        var side = Side(values[last], limits);
        if (side != 0 && values.Length >= SpcConstants.TwoOfThreeWindow)
        {
            var near = 0;
            for (var i = values.Length - SpcConstants.TwoOfThreeWindow; i <= last; i++)
                if (Side(values[i], limits) == side) near++;
            if (near >= SpcConstants.TwoOfThreeCount) marks |= Bit(side > 0 ? SpecialCause.TwoOfThreeAbove : SpecialCause.TwoOfThreeBelow);
        }

        // The points before it on the same side of the mean.
        var run = Math.Sign(values[last] - limits.Mean);
        var length = run == 0 ? 0 : 1;
        while (run != 0 && last - length >= 0 && Math.Sign(values[last - length] - limits.Mean) == run) length++;
        if (length >= SpcConstants.RunLength) marks |= Bit(run > 0 ? SpecialCause.RunAboveMean : SpecialCause.RunBelowMean);

        return Named(marks);
    }

    /// <summary>The cause <see cref="Precedence"/> names among a point's marks; common cause when none.</summary>
    private static SpecialCause Named(int marks)
    {
        foreach (var cause in Precedence)
            if ((marks & Bit(cause)) != 0) return cause;
        return SpecialCause.CommonCause;
    }

    /// <summary>Every rule that flags each point, before precedence picks one.</summary>
    public static IReadOnlyList<HashSet<SpecialCause>> Flags(IReadOnlyList<double> values, XmrLimits limits) =>
        [.. Marks(values, limits).Select(m => Enum.GetValues<SpecialCause>().Where(c => (m & Bit(c)) != 0).ToHashSet())];

    // One bit a rule, one int a point: every series is classified again on every change, and a set a point was most of
    // the work.
    private static int Bit(SpecialCause cause) => 1 << (int)cause;

    private static int[] Marks(IReadOnlyList<double> values, XmrLimits limits)
    {
        var marks = new int[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] > limits.UpperProcessLimit) marks[i] |= Bit(SpecialCause.AboveUpperLimit);
            if (values[i] < limits.LowerProcessLimit) marks[i] |= Bit(SpecialCause.BelowLowerLimit);
        }
        MarkTrends(values, marks);
        MarkTwoOfThree(values, limits, marks);
        MarkRuns(values, limits.Mean, marks);
        return marks;
    }

    /// <summary>Every point of a run of at least <see cref="SpcConstants.TrendLength"/> points each strictly above
    /// (or below) the one before; an equal pair ends the trend.</summary>
    private static void MarkTrends(IReadOnlyList<double> values, int[] marks)
    {
        MarkRunsOf(values.Count, i => i == 0 ? 0 : Math.Sign(values[i] - values[i - 1]), SpcConstants.TrendLength - 1,
            (start, end, sign) =>
            {
                // A run of steps from start to end spans the points start − 1 to end.
                for (var i = start - 1; i <= end; i++)
                    marks[i] |= Bit(sign > 0 ? SpecialCause.TrendIncreasing : SpecialCause.TrendDecreasing);
            });
    }

    /// <summary>Every point of a run of at least <see cref="SpcConstants.RunLength"/> points on one side of the mean;
    /// a point on the mean is on neither side and ends the run.</summary>
    private static void MarkRuns(IReadOnlyList<double> values, double mean, int[] marks)
    {
        MarkRunsOf(values.Count, i => Math.Sign(values[i] - mean), SpcConstants.RunLength,
            (start, end, sign) =>
            {
                for (var i = start; i <= end; i++)
                    marks[i] |= Bit(sign > 0 ? SpecialCause.RunAboveMean : SpecialCause.RunBelowMean);
            });
    }

    /// <summary>In any <see cref="SpcConstants.TwoOfThreeWindow"/> consecutive points, when at least
    /// <see cref="SpcConstants.TwoOfThreeCount"/> lie between the same 2-sigma limit and process limit, those points
    /// (not the third) are flagged. A point beyond the process limit does not count: it is a signal of its own, and
    /// the fixtures (A_INC point 12, B_DEC point 10) do not pair it with a near point.</summary>
    private static void MarkTwoOfThree(IReadOnlyList<double> values, XmrLimits limits, int[] marks)
    {
        int Side(int i) => SpecialCauseRules.Side(values[i], limits);

        for (var start = 0; start + SpcConstants.TwoOfThreeWindow <= values.Count; start++)
        {
            foreach (var side in (ReadOnlySpan<int>)[1, -1])
            {
                var near = 0;
                for (var i = start; i < start + SpcConstants.TwoOfThreeWindow; i++)
                    if (Side(i) == side) near++;
                if (near < SpcConstants.TwoOfThreeCount) continue;
                for (var i = start; i < start + SpcConstants.TwoOfThreeWindow; i++)
                    if (Side(i) == side) marks[i] |= Bit(side > 0 ? SpecialCause.TwoOfThreeAbove : SpecialCause.TwoOfThreeBelow);
            }
        }
    }

    /// <summary>1 between the upper 2-sigma and process limits, −1 between the lower ones, 0 elsewhere.</summary>
    private static int Side(double value, XmrLimits limits) =>
        value > limits.UpperTwoSigmaLimit && value <= limits.UpperProcessLimit ? 1
        : value < limits.LowerTwoSigmaLimit && value >= limits.LowerProcessLimit ? -1
        : 0;

    /// <summary>Calls <paramref name="mark"/>(start, end, sign) for each maximal stretch of indices with the same
    /// non-zero sign that is at least <paramref name="minimum"/> long.</summary>
    private static void MarkRunsOf(int count, Func<int, int> sign, int minimum, Action<int, int, int> mark)
    {
        var start = 0;
        for (var i = 1; i <= count; i++)
        {
            if (i < count && sign(i) == sign(start)) continue;
            if (sign(start) != 0 && i - start >= minimum) mark(start, i - 1, sign(start));
            start = i;
        }
    }
}

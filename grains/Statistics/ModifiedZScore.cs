namespace Scrutiny.Grains.Statistics;

/// <summary>
/// Iglewicz and Hoaglin's modified z-score: how far a value lies from the median of a history, in units of the
/// median absolute deviation, so that one earlier outlier does not hide the next as it would with mean and SD.
/// </summary>
public static class ModifiedZScore
{
    /// <summary>0.6745 is the 0.75 quantile of the standard normal: it makes the MAD comparable to a standard deviation
    /// (Iglewicz B, Hoaglin DC. How to Detect and Handle Outliers, ASQC 1993).</summary>
    public const double Consistency = 0.6745;

    /// <summary>Iglewicz and Hoaglin's recommended cut-off for a possible outlier.</summary>
    public const double OutlierThreshold = 3.5;

    /// <summary>The fewest earlier values a score is given against.</summary>
    public const int MinimumHistory = 5;

    /// <summary>The score of <paramref name="value"/> against <paramref name="history"/>; null when the history is too
    /// short (under <see cref="MinimumHistory"/> values) or has no spread (MAD of 0), where no score means anything.</summary>
    public static double? Of(double value, IReadOnlyCollection<double> history)
    {
        if (history.Count < MinimumHistory) return null;
        var copy = new double[history.Count];
        var n = 0;
        foreach (var h in history) copy[n++] = h;
        return Of(value, copy);
    }

    /// <summary>The same, over a slice of a longer history: a batch's values are each judged against a window of the
    /// agency's values, read in place.</summary>
    public static double? Of(double value, ReadOnlySpan<double> history)
    {
        if (history.Length < MinimumHistory) return null;
        // One scratch copy, sorted in place twice (the values, then their distances from the median), on the stack for a
        // window as short as the import's: this runs for every value of every batch.
        Span<double> work = history.Length <= 64 ? stackalloc double[history.Length] : new double[history.Length];
        history.CopyTo(work);
        var median = MedianInPlace(work);
        for (var i = 0; i < work.Length; i++) work[i] = Math.Abs(work[i] - median);
        var mad = MedianInPlace(work);
        return mad == 0 ? null : Consistency * (value - median) / mad;
    }

    /// <summary>The median of <paramref name="values"/>, which are left sorted.</summary>
    private static double MedianInPlace(Span<double> values)
    {
        values.Sort();
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}

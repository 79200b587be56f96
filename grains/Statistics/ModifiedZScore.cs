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

    /// <summary>The score of <paramref name="value"/> against <paramref name="history"/>; null when the history is too
    /// short (under 5 values) or has no spread (MAD of 0), where no score means anything.</summary>
    public static double? Of(double value, IReadOnlyCollection<double> history)
    {
        if (history.Count < 5) return null;
        // One array, sorted in place twice (the values, then their distances from the median): this runs for every value
        // of every batch, and made five objects a value when written with LINQ.
        var work = new double[history.Count];
        if (history is ICollection<double> collection) collection.CopyTo(work, 0);
        else
        {
            var n = 0;
            foreach (var h in history) work[n++] = h;
        }
        var median = MedianInPlace(work);
        for (var i = 0; i < work.Length; i++) work[i] = Math.Abs(work[i] - median);
        var mad = MedianInPlace(work);
        return mad == 0 ? null : Consistency * (value - median) / mad;
    }

    /// <summary>The median of <paramref name="values"/>, which are left sorted.</summary>
    private static double MedianInPlace(double[] values)
    {
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}

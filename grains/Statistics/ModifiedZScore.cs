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
        var median = Median(history);
        var mad = Median(history.Select(h => Math.Abs(h - median)).ToList());
        return mad == 0 ? null : Consistency * (value - median) / mad;
    }

    private static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

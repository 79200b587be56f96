namespace Scrutiny.Grains.Benefits;

/// <summary>A sum of money shared in proportion to weights, in whole pence that add up to it exactly.</summary>
public static class FairShares
{
    /// <summary>
    /// <paramref name="totalPence"/> shared among the keys whose weight is above 0, in proportion to their weights: each
    /// share rounded down, then the pennies left over given one each to the largest remainders (ties to the first key in
    /// ordinal order), Hamilton's method. Keys with no weight above 0 get nothing; with none, or nothing to share, no one does.
    /// </summary>
    public static IReadOnlyDictionary<string, long> Split(long totalPence, IReadOnlyDictionary<string, decimal> weights)
    {
        var taking = weights.Where(w => w.Value > 0).ToList();
        var total = taking.Sum(w => w.Value);
        var shares = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (total == 0 || totalPence <= 0) return shares;
        var exact = taking.ToDictionary(w => w.Key, w => w.Value / total * totalPence, StringComparer.Ordinal);
        foreach (var (key, value) in exact) shares[key] = (long)Math.Floor(value);
        var left = totalPence - shares.Values.Sum();
        foreach (var key in exact.OrderByDescending(e => e.Value - Math.Floor(e.Value)).ThenBy(e => e.Key, StringComparer.Ordinal)
                     .Select(e => e.Key).Take((int)left))
            shares[key]++;
        return shares;
    }
}

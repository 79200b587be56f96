namespace Scrutiny.Grains.Benefits;

/// <summary>
/// Prices of one year restated in another's by a deflator series (the GDP deflator, for instance): an index per
/// financial year, any base. A unit cost of £100 at 2019/20 prices, with the index at 90 in 2019/20 and 108 in 2024/25,
/// is £100 × 108 / 90 = £120 at 2024/25 prices.
/// </summary>
public sealed class Uprating(IReadOnlyDictionary<string, decimal> index)
{
    /// <summary>The years the series covers, each with its index (more than 0).</summary>
    public IReadOnlyDictionary<string, decimal> Index { get; } = index;

    /// <summary>
    /// <paramref name="pence"/> at <paramref name="from"/> prices, at <paramref name="to"/> prices; unrounded. Null when the
    /// series lacks either year: a figure is never uprated by a guess.
    /// </summary>
    public decimal? ToPriceYear(decimal pence, string from, string to)
    {
        if (from == to) return pence;
        if (!Index.TryGetValue(from, out var fromIndex) || !Index.TryGetValue(to, out var toIndex) || fromIndex <= 0 || toIndex <= 0)
            return null;
        return pence * toIndex / fromIndex;
    }
}

using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Grains.Grains;

/// <summary>Makes one period's value from the agencies' contributions, by the indicator's combine method.</summary>
public static class Combiner
{
    public static SeriesPoint Combine(IndicatorDefinition indicator, string period, IReadOnlyCollection<Contribution> contributions)
    {
        // Sorted in place in an array of its own: a period has a few contributions, and this runs for every period a
        // batch changes.
        var ordered = contributions.ToArray();
        if (ordered.Length > 1) Array.Sort(ordered, static (a, b) => string.CompareOrdinal(a.Agency, b.Agency));
        var (numerator, denominator) = indicator.Combine == CombineMethod.SingleSource ? Latest(ordered) : Sums(ordered);
        return new SeriesPoint(period, numerator, denominator, indicator.ValueOf(numerator, denominator), ordered);
    }

    private static (double, double?) Latest(Contribution[] contributions)
    {
        var latest = contributions.MaxBy(c => (c.SubmittedAt, c.Revision))!;
        return (latest.Numerator, latest.Denominator);
    }

    // Every other method sums (CombineMethod.Sum, and pooled rates: numerators over denominators). A denominator only
    // means something when every contribution has one. A loop, not LINQ: this runs for every period a batch changes.
    private static (double, double?) Sums(Contribution[] contributions)
    {
        var (numerator, denominator, everyDenominator) = (0d, 0d, true);
        foreach (var c in contributions)
        {
            numerator += c.Numerator;
            if (c.Denominator is { } d) denominator += d;
            else everyDenominator = false;
        }
        return (numerator, everyDenominator ? denominator : null);
    }
}

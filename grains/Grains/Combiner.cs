using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Grains.Grains;

/// <summary>
/// Makes one period's value from the agencies' contributions, by the indicator's combine method; and sums any parts
/// (a region's value from its places' points) by the same rule.
/// </summary>
public static class Combiner
{
    public static SeriesPoint Combine(IndicatorDefinition indicator, string period, IReadOnlyCollection<Contribution> contributions)
    {
        var ordered = contributions.ToArray();
        if (ordered.Length > 1) Array.Sort(ordered, PeriodContributions.AgencyOrder);
        return CombineOrdered(indicator, period, ordered);
    }

    /// <summary>
    /// From contributions already in agency order, which the point then holds: an array never changed once made
    /// (<see cref="PeriodContributions"/>), so not copied for each period a batch changes.
    /// </summary>
    public static SeriesPoint CombineOrdered(IndicatorDefinition indicator, string period, Contribution[] ordered)
    {
        var (numerator, denominator) = indicator.Combine == CombineMethod.SingleSource
            ? Latest(ordered) : Sum(ordered, static c => c.Numerator, static c => c.Denominator);
        return new SeriesPoint(period, numerator, denominator, indicator.ValueOf(numerator, denominator), ordered);
    }

    private static (double, double?) Latest(Contribution[] contributions)
    {
        var latest = contributions.MaxBy(c => (c.SubmittedAt, c.Revision))!;
        return (latest.Numerator, latest.Denominator);
    }

    /// <summary>
    /// The parts' numerators summed, and their denominators when every part has one (a denominator only means something
    /// then): every combine method but a single source, and a comparator made from its places. A loop, not LINQ: this
    /// runs for every period a batch changes.
    /// </summary>
    public static (double Numerator, double? Denominator) Sum<T>(IReadOnlyList<T> parts, Func<T, double> numeratorOf, Func<T, double?> denominatorOf)
    {
        var (numerator, denominator, everyDenominator) = (0d, 0d, true);
        for (var i = 0; i < parts.Count; i++)
        {
            numerator += numeratorOf(parts[i]);
            if (denominatorOf(parts[i]) is { } d) denominator += d;
            else everyDenominator = false;
        }
        return (numerator, everyDenominator ? denominator : null);
    }
}

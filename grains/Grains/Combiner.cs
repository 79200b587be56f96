using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Grains.Grains;

/// <summary>Makes one period's value from the agencies' contributions, by the indicator's combine method.</summary>
public static class Combiner
{
    public static SeriesPoint Combine(IndicatorDefinition indicator, string period, IReadOnlyCollection<Contribution> contributions)
    {
        var ordered = contributions.OrderBy(c => c.Agency, StringComparer.Ordinal).ToList();
        var (numerator, denominator) = indicator.Combine switch
        {
            CombineMethod.SingleSource => Latest(ordered),
            CombineMethod.Sum => (ordered.Sum(c => c.Numerator), SumOrNull(ordered)),
            _ => (ordered.Sum(c => c.Numerator), SumOrNull(ordered)),
        };
        return new SeriesPoint(period, numerator, denominator, indicator.ValueOf(numerator, denominator), ordered);
    }

    private static (double, double?) Latest(List<Contribution> contributions)
    {
        var latest = contributions.MaxBy(c => (c.SubmittedAt, c.Revision))!;
        return (latest.Numerator, latest.Denominator);
    }

    // A denominator only means something when every contribution has one.
    private static double? SumOrNull(List<Contribution> contributions) =>
        contributions.All(c => c.Denominator is not null) ? contributions.Sum(c => c.Denominator!.Value) : null;
}

using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Grains.Statistics.ConfidenceIntervals;

namespace Scrutiny.Silo.Comparisons;

/// <summary>
/// One indicator across the places of a scope for one period, best first by polarity (highest first when there is
/// none), places without a value last. <see cref="Periods"/> are the periods any of the places has, newest first.
/// </summary>
public sealed record Comparison(
    IndicatorDefinition Indicator, ComparisonScope Scope, string? Period, IReadOnlyList<string> Periods,
    IReadOnlyList<ComparedPlace> Places, ComparedReference? England);

/// <summary>
/// A place's value for the period with its 95% interval, how it compares with England (the same test as the place's
/// own benchmarks), its rank among the scope's places with a value (1 = best, ties share the lower number) and the
/// agencies whose returns made the value.
/// </summary>
public sealed record ComparedPlace(
    Place Place, double? Value, ConfidenceInterval? Interval95, BenchmarkOutcome VersusEngland, int? Rank, int RankedOf,
    IReadOnlyList<string> Sources);

/// <summary>England's value for the period, its own or made from its places (<see cref="AggregatedFrom"/> of them).</summary>
public sealed record ComparedReference(Place Place, double? Value, int? AggregatedFrom);

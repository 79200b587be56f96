namespace Scrutiny.Grains.Statistics.Benchmarks;

/// <summary>A comparator group's values at a glance, and where one place stands among them.</summary>
/// <param name="Count">Members with a value.</param>
/// <param name="Mean">The simple (unweighted) mean of the members' values.</param>
/// <param name="Minimum">The lowest value.</param>
/// <param name="Maximum">The highest value.</param>
/// <param name="Rank">The place's rank, 1 = best; null when the place has no value among the members.</param>
/// <param name="RankedOf">How many values were ranked.</param>
[GenerateSerializer, Immutable]
public sealed record GroupSummary(int Count, double Mean, double Minimum, double Maximum, int? Rank, int RankedOf);

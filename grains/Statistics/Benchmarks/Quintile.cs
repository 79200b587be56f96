namespace Scrutiny.Grains.Statistics.Benchmarks;

/// <summary>A place's quintile among places of the same type.</summary>
/// <param name="Number">1 for the lowest fifth of values … 5 for the highest, as Fingertips numbers quintiles
/// whatever the polarity.</param>
/// <param name="Band">What that fifth means for the indicator's polarity.</param>
[GenerateSerializer, Immutable]
public sealed record Quintile(int Number, QuintileBand Band);

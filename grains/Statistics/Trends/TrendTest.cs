namespace Scrutiny.Grains.Statistics.Trends;

/// <summary>A test for linear trend over equally spaced periods: its chi-square statistic (1 degree of freedom) and
/// the sign of the trend it found.</summary>
[GenerateSerializer, Immutable]
public readonly record struct TrendTest(double Statistic, int Direction);

namespace Scrutiny.Grains.Statistics.Trends;

/// <summary>A recent trend and the numbers behind it.</summary>
/// <param name="Trend">The marker.</param>
/// <param name="Method">The test used, or <see cref="TrendMethod.None"/> for a unit no test applies to.</param>
/// <param name="Statistic">The chi-square statistic on 1 degree of freedom (for the regression, the squared slope z);
/// null when it could not be calculated.</param>
/// <param name="PValue">The two-sided p-value of <paramref name="Statistic"/>.</param>
/// <param name="Points">How many periods were used (at most <see cref="RecentTrends.Periods"/>).</param>
[GenerateSerializer, Immutable]
public sealed record RecentTrendResult(RecentTrend Trend, TrendMethod Method, double? Statistic, double? PValue, int Points);

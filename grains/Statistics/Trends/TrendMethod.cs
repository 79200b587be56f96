namespace Scrutiny.Grains.Statistics.Trends;

/// <summary>The test behind a recent trend, so that exports can say how it was judged.</summary>
[GenerateSerializer]
public enum TrendMethod
{
    /// <summary>Chi-square test for trend in proportions (Cochran–Armitage), for percentages.</summary>
    ChiSquareForTrend,

    /// <summary>Weighted least-squares regression on time with Poisson variances, for counts and rates.</summary>
    WeightedRegression,

    /// <summary>No test applies to the indicator's unit.</summary>
    None,
}

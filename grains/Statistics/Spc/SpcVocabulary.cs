namespace Scrutiny.Grains.Statistics.Spc;

// The names below are the vocabulary of the SPC fixtures (points.csv, icons.csv), made snake_case by
// CatalogueNames.Name: SpecialCause.AboveUpperLimit is "above_upper_limit". Do not rename without the fixtures.

/// <summary>Which rule, if any, flags a point. When several rules flag one point the first in
/// <see cref="SpecialCauseRules.Precedence"/> names it.</summary>
[GenerateSerializer]
public enum SpecialCause
{
    CommonCause,
    AboveUpperLimit,
    BelowLowerLimit,
    TrendIncreasing,
    TrendDecreasing,
    TwoOfThreeAbove,
    TwoOfThreeBelow,
    RunAboveMean,
    RunBelowMean,
}

/// <summary>What a point means given the indicator's polarity.</summary>
[GenerateSerializer]
public enum PointType
{
    CommonCause,
    SpecialCauseImprovement,
    SpecialCauseConcern,
    SpecialCauseNeutralHigh,
    SpecialCauseNeutralLow,
}

/// <summary>The "Making Data Count" variation icon, read from the last point.</summary>
[GenerateSerializer]
public enum VariationIcon
{
    CommonCause,
    ImprovementHigh,
    ImprovementLow,
    ConcernHigh,
    ConcernLow,
    NeutralHigh,
    NeutralLow,
}

/// <summary>The "Making Data Count" assurance icon: can the process be relied on to meet its target?</summary>
[GenerateSerializer]
public enum AssuranceIcon
{
    ConsistentPass,
    ConsistentFail,
    Inconsistent,
}

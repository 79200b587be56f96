namespace Scrutiny.Grains.Catalogue;

/// <summary>What an indicator's numbers are.</summary>
[GenerateSerializer]
public enum IndicatorUnit
{
    Count,
    Percentage,
    RatePer1000,
    RatePer100000,
    PercentagePoints,
    Value,
}

/// <summary>Which direction is good.</summary>
[GenerateSerializer]
public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
    NoJudgement,
}

/// <summary>How several agencies' returns for one place and period make one value.</summary>
[GenerateSerializer]
public enum CombineMethod
{
    /// <summary>Numerators add up (counts of days, of incidents).</summary>
    Sum,

    /// <summary>Numerators and denominators each add up, then the ratio is taken.</summary>
    SumNumeratorsAndDenominators,

    /// <summary>One agency is the source; the latest value returned stands.</summary>
    SingleSource,
}

/// <summary>An outcome indicator of the catalogue.</summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorDefinition(
    string Code, string Title, string Theme, IndicatorUnit Unit, Polarity Polarity, Frequency Frequency,
    CombineMethod Combine)
{
    /// <summary>What a ratio is multiplied by to make the value: 100 for percentages, 1,000 or 100,000 for rates.</summary>
    public double? Multiplier => Unit switch
    {
        IndicatorUnit.Percentage => 100,
        IndicatorUnit.RatePer1000 => 1_000,
        IndicatorUnit.RatePer100000 => 100_000,
        _ => null,
    };

    /// <summary>Whether the unit is a ratio, so that returns carry a denominator.</summary>
    public bool NeedsDenominator => Multiplier is not null;

    /// <summary>The value of a point: the scaled ratio for percentages and rates, the numerator otherwise.</summary>
    public double? ValueOf(double numerator, double? denominator) =>
        Multiplier is { } multiplier
            ? denominator is > 0 ? multiplier * numerator / denominator.Value : null
            : numerator;
}

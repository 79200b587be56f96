namespace Scrutiny.Grains.Statistics.Benchmarks;

// Made snake_case by CatalogueNames.Name (best … worst, lowest, low, mid, high, highest). Fingertips shows the
// no-judgement bands as lowest, lower, similar, higher, highest; "mid" is used here so that it is not read as the
// significance result "similar".

/// <summary>What a quintile means for the indicator's polarity.</summary>
[GenerateSerializer]
public enum QuintileBand
{
    Best,
    Better,
    Middle,
    Worse,
    Worst,
    Lowest,
    Low,
    Mid,
    High,
    Highest,
}

namespace Scrutiny.Grains.Statistics.Benchmarks;

// Made snake_case by CatalogueNames.Name (better, similar, worse, higher, lower, not_compared): the API, the pages and
// the CSV export all use these names.

/// <summary>How a place compares with a comparator (England, the region, a group of similar places), as Fingertips'
/// "compared with benchmark" colours say it.</summary>
[GenerateSerializer]
public enum BenchmarkOutcome
{
    Better,
    Similar,
    Worse,

    /// <summary>Significantly higher, for an indicator where neither direction is better.</summary>
    Higher,

    /// <summary>Significantly lower, for an indicator where neither direction is better.</summary>
    Lower,

    /// <summary>No interval for the place, or a value missing on either side.</summary>
    NotCompared,
}

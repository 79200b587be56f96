using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Tables;

/// <summary>An indicator's metadata as About-sheet facts, the same for every table of one indicator in one place.</summary>
public static class IndicatorFacts
{
    public static IReadOnlyList<(string, object?)> Of(string place, IndicatorDefinition d) =>
    [
        ("place", place),
        ("indicator", d.Code),
        ("indicator_title", d.Title),
        ("theme", d.Theme),
        ("unit", CatalogueNames.Name(d.Unit)),
        ("multiplier", d.Multiplier),
        ("polarity", CatalogueNames.Name(d.Polarity)),
        ("frequency", CatalogueNames.Name(d.Frequency)),
        ("method", CatalogueNames.Name(d.Combine)),
    ];
}

namespace Scrutiny.Dashboard.Presentation;

/// <summary>
/// Place types (those of the silo's GssPlaceTypes and the fixtures) in the order a reader scans them, widest area
/// first, with plural headings.
/// </summary>
public static class PlaceTypes
{
    private static readonly (string Type, string Heading)[] Known =
    [
        ("country", "Countries"),
        ("region", "Regions"),
        ("combined_authority", "Combined authorities"),
        ("county", "Counties"),
        ("unitary_authority", "Unitary authorities"),
        ("metropolitan_borough", "Metropolitan boroughs"),
        ("london_borough", "London boroughs"),
        ("non_metropolitan_district", "Non-metropolitan districts"),
        ("ward", "Wards"),
    ];

    /// <summary>Known types by <see cref="Known"/>'s order; types the list does not know yet come after, by name.</summary>
    public static int Order(string type) => Array.FindIndex(Known, k => k.Type == type) is var i and >= 0 ? i : Known.Length;

    public static string Heading(string type) => Known.FirstOrDefault(k => k.Type == type).Heading ?? Labels.Humanise(type);

    /// <summary>Singular, for a place's own page: "Metropolitan borough".</summary>
    public static string Name(string type) => Labels.Humanise(type);
}

using System.Globalization;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Seeding;

/// <summary>One row of the ONS Claimant Count file, as published (period written like <c>April 2021</c>).</summary>
public sealed record ClaimantCountRow(string AreaCode, string AreaName, string Period, string Indicator, double Value);

/// <summary>
/// The fixture CSVs embedded in the silo assembly (copies of the shared fixtures), so that a fresh clone or a
/// container image seeds its demo without the repository around it.
/// </summary>
public static class FixtureFiles
{
    public static IReadOnlyList<Place> Places() =>
        [.. Rows("places.csv").Select(r => new Place(r["code"], r["name"], r["type"], NullIfEmpty(r["parent_code"])))];

    public static IReadOnlyList<IndicatorDefinition> Indicators() =>
        [.. Rows("indicators.csv").Select(r => new IndicatorDefinition(r["code"], r["title"], r["theme"],
            CatalogueNames.Parse<IndicatorUnit>(r["unit"]), CatalogueNames.Parse<Polarity>(r["polarity"]),
            CatalogueNames.Parse<Frequency>(r["frequency"]), CatalogueNames.Parse<CombineMethod>(r["combine"])))];

    public static IReadOnlyList<ClaimantCountRow> ClaimantCount() =>
        [.. Rows("claimant_count.csv").Select(r => new ClaimantCountRow(r["area_code"], r["area_name"], r["period"],
            r["indicator"], double.Parse(r["value"], NumberStyles.Float, CultureInfo.InvariantCulture)))];

    /// <summary>Trafford's 15 CIPFA (2021) nearest neighbours: code and name.</summary>
    public static IReadOnlyList<(string Code, string Name)> TraffordNeighbours() =>
        [.. Rows("cipfa2021_trafford_neighbours.csv").Select(r => (r["area_code"], r["area_name"]))];

    /// <summary>The rows of an embedded fixture, each a column-name → value map.</summary>
    private static List<IReadOnlyDictionary<string, string>> Rows(string fileName)
    {
        var resource = $"Scrutiny.Fixtures.{fileName}";
        using var stream = typeof(FixtureFiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The silo assembly has no embedded fixture '{resource}'.");
        using var reader = new StreamReader(stream);
        var header = Split(reader.ReadLine() ?? throw new InvalidDataException($"{fileName} is empty."), fileName);
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var fields = Split(line, fileName);
            if (fields.Length != header.Length)
                throw new InvalidDataException($"{fileName}: '{line}' has {fields.Length} fields, the header {header.Length}.");
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }
        return rows;
    }

    // The fixtures are plain CSV without quoting; a quote would mean a comma inside a field, which plain splitting
    // would silently misread, so it stops the seed instead.
    private static string[] Split(string line, string fileName) =>
        line.Contains('"')
            ? throw new InvalidDataException($"{fileName}: quoted fields are not expected in the fixtures ('{line}').")
            : [.. line.Split(',').Select(f => f.Trim())];

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

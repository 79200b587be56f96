using System.Globalization;

namespace Scrutiny.Load;

/// <summary>
/// England's scale, made up deterministically by seed: the places of <c>/work/shared/fixtures/places.csv</c> (England, regions,
/// a combined authority and its local authorities) and generated local authorities in the same GSS format up to the count;
/// indicators of every frequency, unit, polarity and combine method in turn; and three agencies on each local authority's
/// board (its council, an NHS body shared by eight authorities, a police force shared by eight others). The council returns
/// every indicator; the NHS body and the police only those that combine several sources, so each place–indicator has three
/// agencies, or one where the indicator is single-source.
/// </summary>
public sealed record EnglandCatalogue(
    IReadOnlyList<CataloguePlace> Places, IReadOnlyList<CatalogueIndicator> Indicators, IReadOnlyList<CatalogueAgency> Agencies)
{
    public const string FixturePath = "/work/shared/fixtures/places.csv";

    private static readonly string[] AuthorityTypes = ["metropolitan_borough", "unitary_authority", "county", "london_borough", "non_metropolitan_district"];
    private static readonly (string Type, string Prefix)[] GeneratedTypes = [("unitary_authority", "E06"), ("non_metropolitan_district", "E07"), ("london_borough", "E09")];
    private static readonly string[] Frequencies = ["monthly", "quarterly", "annual", "financial_year", "financial_quarter"];
    private static readonly string[] Units = ["count", "percentage", "rate_per_1000", "rate_per_100000", "percentage_points", "value"];
    private static readonly string[] Polarities = ["higher_is_better", "lower_is_better", "no_judgement"];
    private static readonly string[] Combines = ["sum", "sum_numerators_and_denominators", "single_source"];
    private static readonly string[] Themes = ["Health and care", "Children and young people", "Community safety", "Work and skills", "Housing"];

    /// <summary>The local authorities: places with a board and agencies, which returns are made for.</summary>
    public IEnumerable<CataloguePlace> Authorities => Places.Where(p => p.Board is not null);

    public static EnglandCatalogue Make(LoadSizes sizes, int seed)
    {
        var random = new Random(seed);
        var fixture = File.ReadLines(FixturePath).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => new CataloguePlace(f[0], f[1], f[2], f[3].Length == 0 ? null : f[3], null)).ToList();
        var regions = fixture.Where(p => p.Type == "region").Select(p => p.Code).ToList();
        var places = fixture.Select(p => AuthorityTypes.Contains(p.Type) ? p with { Board = BoardOf(p.Code) } : p).ToList();
        var taken = places.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        for (var n = 0; places.Count(p => p.Board is not null) < sizes.Places; n++)
        {
            var (type, prefix) = GeneratedTypes[n % GeneratedTypes.Length];
            var code = $"{prefix}{random.Next(100_000, 1_000_000):D6}";
            if (!taken.Add(code)) continue;
            places.Add(new CataloguePlace(code, $"{CultureInfo.InvariantCulture.TextInfo.ToTitleCase(type.Replace('_', ' '))} {code[3..]}",
                type, regions[n % regions.Count], BoardOf(code)));
        }
        var authorities = places.Where(p => p.Board is not null).Take(sizes.Places).ToList();
        places = [.. places.Where(p => p.Board is null || authorities.Contains(p))];

        var indicators = Enumerable.Range(0, sizes.Indicators).Select(i => new CatalogueIndicator(
            $"load-indicator-{i:D3}", $"Load indicator {i:D3}", Themes[i % Themes.Length], Units[i % Units.Length],
            Polarities[i % Polarities.Length], Frequencies[i % Frequencies.Length], Combines[i % Combines.Length])).ToList();
        var several = indicators.Where(i => i.Combine != "single_source").Select(i => i.Code).ToList();

        var shared = (authorities.Count + 7) / 8;
        var agencies = new List<CatalogueAgency>();
        for (var i = 0; i < authorities.Count; i++)
            agencies.Add(new CatalogueAgency($"COUNCIL-{authorities[i].Code}", $"{authorities[i].Name} Council", "local_government",
                [authorities[i].Code], [.. indicators.Select(x => x.Code)]));
        for (var k = 0; k < shared; k++)
        {
            agencies.Add(new CatalogueAgency($"NHS-{k:D2}", $"NHS body {k:D2}", "health",
                [.. authorities.Where((_, i) => i / 8 == k).Select(a => a.Code)], several));
            agencies.Add(new CatalogueAgency($"POLICE-{k:D2}", $"Police force {k:D2}", "police",
                [.. authorities.Where((_, i) => i % shared == k).Select(a => a.Code)], several));
        }
        return new EnglandCatalogue(places, indicators, agencies);
    }

    private static string BoardOf(string code) => $"board-{code.ToLowerInvariant()}";
}

public sealed record CataloguePlace(string Code, string Name, string Type, string? Parent, string? Board);

public sealed record CatalogueIndicator(string Code, string Title, string Theme, string Unit, string Polarity, string Frequency, string Combine)
{
    public bool NeedsDenominator => Unit is "percentage" or "rate_per_1000" or "rate_per_100000";
}

public sealed record CatalogueAgency(string Code, string Name, string Sector, IReadOnlyList<string> Places, IReadOnlyList<string> Indicators);

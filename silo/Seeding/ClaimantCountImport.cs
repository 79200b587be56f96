using System.Globalization;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Seeding;

/// <summary>
/// The real ONS Claimant Count (as published by Trafford Data Lab) as DWP's monthly returns, values as published,
/// and the places it covers that the catalogue lacks: Trafford's CIPFA neighbours and Trafford's wards.
/// </summary>
public static class ClaimantCountImport
{
    public const string TraffordCode = "E08000009";

    private static readonly IReadOnlyDictionary<string, string> IndicatorByPublishedName = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Claimant count"] = DemoIndicators.ClaimantCount.Code,
        ["Claimants as a proportion of residents aged 16-64"] = DemoIndicators.ClaimantRate.Code,
    };

    /// <summary>Values by place and indicator code, oldest period first.</summary>
    public static IReadOnlyDictionary<(string Place, string Indicator), IReadOnlyList<ReturnedValue>> Returns(
        IEnumerable<ClaimantCountRow> rows) =>
        rows.GroupBy(r => (r.AreaCode, IndicatorCode(r.Indicator)))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ReturnedValue>)
            [
                .. g.Select(r => (Period: ToPeriod(r.Period), r.Value))
                    .OrderBy(p => p.Period)
                    .Select(p => new ReturnedValue(p.Period.ToString(), DemoAgencies.Dwp.Code, p.Value, null, null)),
            ]);

    /// <summary>
    /// Places named by the claimant file or the comparator group and missing from <paramref name="known"/>. The
    /// file is Trafford's, so its wards are Trafford's; other places sit under England.
    /// </summary>
    public static IReadOnlyList<Place> MissingPlaces(IEnumerable<ClaimantCountRow> rows,
        IEnumerable<(string Code, string Name)> neighbours, IEnumerable<Place> known)
    {
        var knownCodes = known.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        return [.. rows.Select(r => (Code: r.AreaCode, Name: r.AreaName)).Concat(neighbours)
            .DistinctBy(p => p.Code)
            .Where(p => !knownCodes.Contains(p.Code))
            .Select(p => ToPlace(p.Code, p.Name))];
    }

    private static Place ToPlace(string code, string name)
    {
        var type = GssPlaceTypes.TypeOf(code);
        return new Place(code, name, type, type == "ward" ? TraffordCode : Place.EnglandCode);
    }

    /// <summary>"April 2021" → 2021-04.</summary>
    public static Period ToPeriod(string published)
    {
        var month = DateTime.ParseExact(published.Trim(), "MMMM yyyy", CultureInfo.InvariantCulture);
        return new Period(Frequency.Monthly, month.Year, month.Month);
    }

    private static string IndicatorCode(string publishedName) =>
        IndicatorByPublishedName.TryGetValue(publishedName, out var code)
            ? code
            : throw new InvalidDataException($"The claimant count file has an unexpected indicator '{publishedName}'.");
}

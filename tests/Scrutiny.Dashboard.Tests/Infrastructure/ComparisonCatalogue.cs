using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// <see cref="TestCatalogue"/> with enough places to compare: five metropolitan boroughs, a unitary authority in
/// Manchester's comparator group, England, and MFT on a board in each so that it may return for them all. The
/// admissions figures for 2026-07 are chosen so that each outcome against England's 1,200 per 100,000 shows.
/// </summary>
public static class ComparisonCatalogue
{
    public const string England = "E92000001";
    public const string Trafford = "E08000009";
    public const string Bolton = "E08000001";
    public const string Bury = "E08000002";
    public const string Stockport = "E08000007";
    public const string CheshireEast = "E06000049";
    public const string Group = "manchester-neighbours";
    public const string GroupName = "Manchester's test neighbours";
    public const string Month = "2026-07";

    public static async Task<string> SeedAsync(DashboardApp app)
    {
        var key = await TestCatalogue.SeedAsync(app);
        var writer = app.Get<CatalogueWriter>();
        await writer.UpsertPlacesAsync([
            new Place(Bolton, "Bolton", "metropolitan_borough", "E47000001"),
            new Place(Bury, "Bury", "metropolitan_borough", "E47000001"),
            new Place(Stockport, "Stockport", "metropolitan_borough", "E47000001"),
            new Place(CheshireEast, "Cheshire East", "unitary_authority", England),
        ]);
        foreach (var place in new[] { England, Trafford, Bolton, Bury, Stockport, CheshireEast })
            await writer.UpsertBoardAsync(new PartnershipBoard($"board-{place}", $"Board {place}", place, [TestCatalogue.Agency]));
        await writer.SaveComparatorGroupAsync(new ComparatorGroupDefinition(Group, GroupName, Manchester, [Trafford, CheshireEast]),
            actor: null, DateTimeOffset.UtcNow);

        await Returns.PostAsync(app, key,
            Admission(England, 1_200_000, 100_000_000), // 1,200 per 100,000, the reference
            Admission(Trafford, 280, 40_000),           // 700 (620 to 787): better
            Admission(Manchester, 600, 61_000),         // 983.6 (907 to 1,066): better
            Admission(CheshireEast, 300, 30_000),       // 1,000 (890 to 1,120): better
            Admission(Bolton, 500, 40_000),             // 1,250 (1,143 to 1,365): similar
            Admission(Bury, 700, 40_000));              // 1,750 (1,623 to 1,885): worse; Stockport has none
        return key;
    }

    private static object Admission(string place, int numerator, int denominator) =>
        new { place, indicator = Admissions, period = Month, numerator, denominator };
}

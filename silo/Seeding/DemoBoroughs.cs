namespace Scrutiny.Silo.Seeding;

/// <summary>
/// The local authorities of places.csv that get a partnership board and synthetic returns: Greater Manchester's
/// ten boroughs and the three others.
/// </summary>
public static class DemoBoroughs
{
    public static readonly IReadOnlyList<DemoBorough> All =
    [
        new("E08000001", "bolton", 296_000, 1.10, "BOLC", "BOLFT", "GMP", "BOLCVS"),
        new("E08000002", "bury", 194_000, 0.98, "BURYC", "NCA", "GMP", "BURYVCFA"),
        new("E08000003", "manchester", 552_000, 1.30, "MCC", "MFT", "GMP", "MACC"),
        new("E08000004", "oldham", 242_000, 1.20, "OLDC", "NCA", "GMP", "ACTTOG"),
        new("E08000005", "rochdale", 223_000, 1.18, "RBC", "NCA", "GMP", "ACTTOG"),
        new("E08000006", "salford", 270_000, 1.15, "SALC", "NCA", "GMP", "SALCVS"),
        new("E08000007", "stockport", 294_000, 0.90, "SMBC", "SFT", "GMP", "SECTOR3"),
        new("E08000008", "tameside", 231_000, 1.12, "TMBC", "TGICFT", "GMP", "ACTTOG"),
        new("E08000009", "trafford", 235_000, 0.86, "TRAFC", "MFT", "GMP", "THRIVE"),
        new("E08000010", "wigan", 330_000, 1.04, "WIGC", "WWL", "GMP", "WIGVCFSE"),
        new("E06000008", "blackburn-with-darwen", 154_000, 1.22, "BWDBC", "ELHT", "LANCSPOL", "CCVS"),
        new("E06000050", "cheshire-west-and-chester", 357_000, 0.92, "CWAC", "COCH", "CHESPOL", "CWVA"),
        new("E10000012", "essex", 1_503_000, 0.90, "ECC", "MSE", "ESSEXPOL", "ESSEXVCFSE"),
    ];

    /// <summary>
    /// England as a whole, for the synthetic national figures places are benchmarked against: average need by
    /// definition, the 2021 Census population, one national source for every indicator.
    /// </summary>
    public static readonly DemoBorough England = new(Grains.Catalogue.Place.EnglandCode, "england", 56_490_000, 1.00,
        DemoAgencies.National.Code, DemoAgencies.National.Code, DemoAgencies.National.Code, DemoAgencies.National.Code);

    public static string BoardId(DemoBorough borough) => $"{borough.Slug}-partnership-board";
}

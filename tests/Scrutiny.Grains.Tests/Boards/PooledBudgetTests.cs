using Scrutiny.Grains.Boards;

namespace Scrutiny.Grains.Tests.Boards;

/// <summary>The pooled fund's totals against a worked example, done by hand below.</summary>
public sealed class PooledBudgetTests
{
    private static readonly Dictionary<string, string> Sectors = new()
    {
        ["MCC"] = "local_government", ["TMBC"] = "local_government", ["MFT"] = "health", ["GMP"] = "police",
    };

    /// <summary>
    /// Worked example. 2025/26 (1 April 2025 – 31 March 2026):
    ///   contributions MCC £100,000.00 (on 1 April 2025), TMBC £50,000.50 (31 March 2026, last day of the year),
    ///   MFT £75,000.25, a correction of MFT −£0.25;
    ///   → by agency MCC 10,000,000p, MFT 7,500,000p, TMBC 5,000,050p; by sector local_government 15,000,050p,
    ///     health 7,500,000p; total 22,500,050p.
    ///   spend MFT £20,000.00 on c1, MCC £5,000.10 on c2, MFT £1,000.00 on c1
    ///   → by commitment c1 2,100,000p, c2 500,010p; by agency MFT 2,100,000p, MCC 500,010p; by sector health
    ///     2,100,000p, local_government 500,010p; total 2,600,010p; balance 22,500,050 − 2,600,010 = 19,900,040p.
    /// 2026/27: GMP £10,000.00 on 1 April 2026 (the first day of the next year), nothing spent: balance 1,000,000p.
    /// </summary>
    [Fact]
    public void Totals_by_agency_sector_and_commitment_per_financial_year_match_the_worked_example()
    {
        FundEntry[] entries =
        [
            Contribution("2025-04-01", "MCC", 10_000_000),
            Contribution("2026-03-31", "TMBC", 5_000_050),
            Contribution("2025-09-15", "MFT", 7_500_025),
            Contribution("2025-10-01", "MFT", -25),
            Spend("2025-06-30", "MFT", "c1", 2_000_000),
            Spend("2025-11-11", "MCC", "c2", 500_010),
            Spend("2026-02-01", "MFT", "c1", 100_000),
            Contribution("2026-04-01", "GMP", 1_000_000),
        ];

        var years = PooledBudget.Totals(entries, Sectors);

        Assert.Equal(["2025/26", "2026/27"], years.Select(y => y.FinancialYear));
        var first = years[0];
        Assert.Equal(22_500_050, first.ContributedPence);
        Assert.Equal(new Dictionary<string, long> { ["MCC"] = 10_000_000, ["MFT"] = 7_500_000, ["TMBC"] = 5_000_050 }, first.ContributedByAgency);
        Assert.Equal(new Dictionary<string, long> { ["health"] = 7_500_000, ["local_government"] = 15_000_050 }, first.ContributedBySector);
        Assert.Equal(2_600_010, first.SpentPence);
        Assert.Equal(new Dictionary<string, long> { ["c1"] = 2_100_000, ["c2"] = 500_010 }, first.SpentByCommitment);
        Assert.Equal(new Dictionary<string, long> { ["MCC"] = 500_010, ["MFT"] = 2_100_000 }, first.SpentByAgency);
        Assert.Equal(new Dictionary<string, long> { ["health"] = 2_100_000, ["local_government"] = 500_010 }, first.SpentBySector);
        Assert.Equal(19_900_040, first.BalancePence);

        var second = years[1];
        Assert.Equal((1_000_000, 0, 1_000_000), (second.ContributedPence, second.SpentPence, second.BalancePence));
        Assert.Equal(new Dictionary<string, long> { ["police"] = 1_000_000 }, second.ContributedBySector);
    }

    [Fact]
    public void An_agency_the_catalogue_does_not_know_counts_under_unknown_rather_than_vanishing()
    {
        var years = PooledBudget.Totals([Contribution("2025-05-01", "XYZ", 100)], Sectors);
        Assert.Equal(new Dictionary<string, long> { [PooledBudget.UnknownSector] = 100 }, years[0].ContributedBySector);
    }

    [Theory]
    [InlineData("2026-03-31", "2025/26")]
    [InlineData("2026-04-01", "2026/27")]
    [InlineData("2026-12-31", "2026/27")]
    [InlineData("2099-04-01", "2099/00")]
    public void A_financial_year_runs_from_April_to_March(string day, string expected) =>
        Assert.Equal(expected, FinancialYear.Of(DateOnly.Parse(day)));

    private static FundEntry Contribution(string on, string agency, long pence) =>
        new($"f-{on}-{agency}", FundEntryKind.Contribution, DateOnly.Parse(on), agency, null, pence, null, "person:1", DateTimeOffset.UnixEpoch);

    private static FundEntry Spend(string on, string agency, string commitment, long pence) =>
        new($"f-{on}-{agency}", FundEntryKind.Spend, DateOnly.Parse(on), agency, commitment, pence, null, "person:1", DateTimeOffset.UnixEpoch);
}

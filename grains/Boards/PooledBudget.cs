namespace Scrutiny.Grains.Boards;

/// <summary>One financial year of a board's pooled fund: what came in and went out, by agency, sector and commitment.</summary>
[GenerateSerializer, Immutable]
public sealed record PooledBudgetYear(
    string FinancialYear,
    long ContributedPence,
    long SpentPence,
    IReadOnlyDictionary<string, long> ContributedByAgency,
    IReadOnlyDictionary<string, long> ContributedBySector,
    IReadOnlyDictionary<string, long> SpentByAgency,
    IReadOnlyDictionary<string, long> SpentBySector,
    IReadOnlyDictionary<string, long> SpentByCommitment)
{
    /// <summary>What is left of the year's fund; negative when more was spent than pooled.</summary>
    public long BalancePence => ContributedPence - SpentPence;
}

/// <summary>Totals of a pooled fund per financial year, in pence.</summary>
public static class PooledBudget
{
    /// <param name="sectors">Each agency's sector, by code; an agency not found counts under <see cref="UnknownSector"/>.</param>
    public static IReadOnlyList<PooledBudgetYear> Totals(IEnumerable<FundEntry> entries, IReadOnlyDictionary<string, string> sectors) =>
        [.. entries.GroupBy(e => e.FinancialYear).OrderBy(g => g.Key, StringComparer.Ordinal).Select(year =>
        {
            var contributions = year.Where(e => e.Kind == FundEntryKind.Contribution).ToList();
            var spend = year.Where(e => e.Kind == FundEntryKind.Spend).ToList();
            return new PooledBudgetYear(year.Key,
                contributions.Sum(e => e.AmountPence), spend.Sum(e => e.AmountPence),
                Sum(contributions, e => e.Agency), Sum(contributions, e => Sector(e, sectors)),
                Sum(spend, e => e.Agency), Sum(spend, e => Sector(e, sectors)), Sum(spend, e => e.Commitment ?? ""));
        })];

    public const string UnknownSector = "unknown";

    private static string Sector(FundEntry entry, IReadOnlyDictionary<string, string> sectors) =>
        sectors.GetValueOrDefault(entry.Agency, UnknownSector);

    private static SortedDictionary<string, long> Sum(IEnumerable<FundEntry> entries, Func<FundEntry, string> key) =>
        new(entries.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(e => e.AmountPence)), StringComparer.Ordinal);
}

using Scrutiny.Grains.Boards;
using Scrutiny.Silo.Boards;

namespace Scrutiny.Silo.Seeding;

/// <summary>
/// The demo boards' pooled fund for the three financial years since the commitments were made (the one before last,
/// the last and the current one): every member agency pays in at the start of the year, in proportion to the
/// borough's residents, and each commitment's lead agency spends its share during the year (the current year only as
/// far as it has gone). Amounts vary a little, the same on every run.
/// </summary>
public static class DemoFund
{
    /// <summary>Pounds a year per resident each role pays in: about £2.80 a resident in all, £1.5m for Manchester.</summary>
    private static decimal PerResident(PartnerRole role) => role switch
    {
        PartnerRole.Council => 1.20m,
        PartnerRole.NhsTrust => 1.00m,
        PartnerRole.Police => 0.25m,
        PartnerRole.Dwp => 0.30m,
        PartnerRole.VoluntarySector => 0.05m,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Each year's pool grows a little on the last: budgets follow inflation.</summary>
    private const decimal Uplift = 1.03m;

    /// <summary>The entries, each spend with the plan whose commitment it is against (its id is the board's to give).</summary>
    public static IReadOnlyList<(FundBody Entry, DemoCommitmentPlan? For)> Entries(DemoBorough borough, IReadOnlyList<DemoCommitmentPlan> commitments,
        DateOnly today)
    {
        var entries = new List<(FundBody, DemoCommitmentPlan?)>();
        var current = DemoDays.FinancialYearStart(today);
        foreach (var (start, uplift) in new[] { (current.AddYears(-2), 1m), (current.AddYears(-1), Uplift), (current, Uplift * Uplift) })
        {
            var random = StableRandom.For("fund", borough.Slug, DemoDays.Text(start));
            var roles = Enum.GetValues<PartnerRole>();
            decimal pool = 0;
            for (var i = 0; i < roles.Length; i++)
            {
                var variation = 0.9m + (decimal)random.NextDouble() * 0.2m;
                var amount = decimal.Round(borough.Population * PerResident(roles[i]) * uplift * variation / 1000m) * 1000m;
                pool += amount;
                entries.Add((new FundBody("contribution", Day(start.AddDays(7 + 2 * i), today), borough.AgencyFor(roles[i]), null, amount,
                    $"Contribution for {FinancialYear.Of(start)}"), null));
            }

            // A past year spent in two halves; this year as far as it has gone (a little at least, from its first day).
            var yearDays = start.AddYears(1).DayNumber - start.DayNumber;
            var elapsed = Math.Min(today.DayNumber - start.DayNumber, yearDays);
            var spent = start == current ? Math.Max(elapsed / (decimal)yearDays, 0.02m) : 1m;
            for (var c = 0; c < commitments.Count; c++)
            {
                var plan = commitments[c];
                var share = pool * (decimal)plan.SpendShare * spent;
                var halves = start == current ? new[] { (elapsed / 2, 1m) } : [(120, 0.45m), (300, 0.55m)];
                foreach (var (day, part) in halves)
                    entries.Add((new FundBody("spend", Day(start.AddDays(day + 3 * c), today), borough.AgencyFor(plan.Lead), null,
                        decimal.Round(share * part * (0.95m + (decimal)random.NextDouble() * 0.1m) / 100m) * 100m, plan.SpendNote), plan));
            }
        }
        return entries;
    }

    private static string Day(DateOnly day, DateOnly today) => DemoDays.Text(day < today ? day : today);
}

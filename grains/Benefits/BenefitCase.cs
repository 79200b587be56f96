using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Benefits;

/// <summary>A case's figures for one period, in pence, unrounded (the page rounds them to the penny).</summary>
public sealed record CasePeriod(string Period, int Year, decimal DiscountFactor, decimal Benefit, decimal BenefitLow, decimal BenefitHigh, long Cost);

/// <summary>What an agency or sector gains from a case, and what it would put in if the costs were shared as the gains are.</summary>
public sealed record BearerShare(string BorneBy, long PresentBenefitPence, decimal Share, long FairContributionPence);

/// <summary>
/// A case's result: every period, and the present values over them in whole pence (each rounded once, at the end; the
/// net value is the rounded benefit less the rounded cost); the
/// benefit's range from the baseline's prediction interval; the benefit–cost ratio (null without costs); the period in
/// which the discounted benefits to date first reach the discounted costs to date (null if they have not yet).
/// </summary>
/// <param name="LinePresentBenefit">Each line's present benefit, unrounded, in the order of the lines: what a
/// breakdown (by kind of benefit, for instance) sums before it rounds.</param>
public sealed record CaseResult(
    IReadOnlyList<CasePeriod> Periods, long PresentBenefitPence, long PresentBenefitLowPence, long PresentBenefitHighPence,
    long PresentCostPence, long NetPresentValuePence, decimal? BenefitCostRatio, string? PaysBackIn, IReadOnlyList<BearerShare> Shares,
    IReadOnlyList<decimal> LinePresentBenefit);

/// <summary>
/// The financial and economic case of a commitment or cohort, as <c>docs/benefits.md</c> states it: for each outcome
/// and period, the change against the baseline (what would have happened anyway) in the better direction, less the
/// board's deadweight, times its attribution, times the unit cost less its optimism bias; discounted by the year of the
/// case it falls in; against the costs paid from the pooled fund.
/// </summary>
public static class BenefitCase
{
    public static CaseResult Compute(CaseAssumptions assumptions, IReadOnlyList<BenefitLine> lines, IReadOnlyList<(string Period, int Year, long Pence)> costs)
    {
        Check(assumptions, lines);
        var periods = new SortedDictionary<(int Year, string Period), (decimal Benefit, decimal Low, decimal High, long Cost)>();
        var byBearer = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var byLine = new decimal[lines.Count];
        for (var l = 0; l < lines.Count; l++)
        {
            var line = lines[l];
            var worth = Worth(assumptions, line);
            foreach (var p in line.Periods)
            {
                var (central, low, high) = Improvement(line.Polarity, p);
                var key = (p.Year, p.Period);
                var held = periods.GetValueOrDefault(key);
                periods[key] = (held.Benefit + central * worth, held.Low + low * worth, held.High + high * worth, held.Cost);
                var present = central * worth * Discounting.Factor(assumptions.DiscountRate, p.Year);
                byBearer[line.BorneBy] = byBearer.GetValueOrDefault(line.BorneBy) + present;
                byLine[l] += present;
            }
        }
        foreach (var (period, year, pence) in costs)
        {
            var held = periods.GetValueOrDefault((year, period));
            periods[(year, period)] = held with { Cost = held.Cost + pence };
        }

        var rows = periods.Select(p => new CasePeriod(p.Key.Period, p.Key.Year, Discounting.Factor(assumptions.DiscountRate, p.Key.Year),
            p.Value.Benefit, p.Value.Low, p.Value.High, p.Value.Cost)).ToList();
        decimal Present(Func<CasePeriod, decimal> of) => rows.Sum(r => of(r) * r.DiscountFactor);
        var (benefit, cost) = (Present(r => r.Benefit), Present(r => r.Cost));
        var (presentBenefit, presentCost) = (Pence(benefit), Pence(cost));
        // The net value is the difference of the two figures shown, so that the page adds up to the penny.
        return new CaseResult(rows, presentBenefit, Pence(Present(r => r.BenefitLow)), Pence(Present(r => r.BenefitHigh)),
            presentCost, presentBenefit - presentCost, cost == 0 ? null : benefit / cost, PaysBackIn(rows), Shares(byBearer, presentCost), byLine);
    }

    /// <summary>What one outcome avoided (or gained) is worth, in pence: the unit cost after the board's deadweight and
    /// attribution and the cost's optimism bias.</summary>
    public static decimal Worth(CaseAssumptions assumptions, BenefitLine line) => Worth(assumptions, line.UnitCostPence, line.OptimismBias);

    public static decimal Worth(CaseAssumptions assumptions, decimal unitCostPence, decimal optimismBias) =>
        (1 - assumptions.Deadweight) * assumptions.Attribution * unitCostPence * (1 - optimismBias);

    /// <summary>Whole pence: halves away from zero, once, at the end of a sum.</summary>
    public static long Pence(decimal pence) => (long)Math.Round(pence, MidpointRounding.AwayFromZero);

    // The change in the better direction, with its range from the baseline's prediction interval: for an outcome where
    // lower is better, the fewest avoided is what the lowest counterfactual leaves.
    private static (decimal Central, decimal Low, decimal High) Improvement(Polarity polarity, OutcomePeriod p) => polarity switch
    {
        Polarity.LowerIsBetter => (p.Expected - p.Observed, p.ExpectedLower - p.Observed, p.ExpectedUpper - p.Observed),
        Polarity.HigherIsBetter => (p.Observed - p.Expected, p.Observed - p.ExpectedUpper, p.Observed - p.ExpectedLower),
        _ => throw new ArgumentException($"An outcome with no better direction cannot be valued: {polarity}."),
    };

    // The first period by which the discounted benefits to date reach the discounted costs to date, once there are costs.
    private static string? PaysBackIn(List<CasePeriod> rows)
    {
        var (net, spent) = (0m, false);
        foreach (var row in rows)
        {
            net += (row.Benefit - row.Cost) * row.DiscountFactor;
            spent |= row.Cost > 0;
            if (spent && net >= 0) return row.Period;
        }
        return null;
    }

    /// <summary>
    /// Each bearer's share of the gains (only those that gain: a bearer left worse off is asked for nothing), and the
    /// present cost shared in those proportions, in whole pence that add up to it exactly (the largest remainders get
    /// the pennies left over).
    /// </summary>
    private static List<BearerShare> Shares(SortedDictionary<string, decimal> byBearer, long presentCost)
    {
        var total = byBearer.Values.Where(v => v > 0).Sum();
        var contributions = FairShares.Split(presentCost, byBearer);
        return [.. byBearer.Select(b => new BearerShare(b.Key, Pence(b.Value), b.Value > 0 ? b.Value / total : 0, contributions.GetValueOrDefault(b.Key)))];
    }

    private static void Check(CaseAssumptions assumptions, IReadOnlyList<BenefitLine> lines)
    {
        static void Fraction(decimal value, string name)
        {
            if (value is < 0 or > 1) throw new ArgumentOutOfRangeException(name, value, $"{name} is a share, from 0 to 1.");
        }
        Fraction(assumptions.Deadweight, nameof(assumptions.Deadweight));
        Fraction(assumptions.Attribution, nameof(assumptions.Attribution));
        ArgumentOutOfRangeException.ThrowIfNegative(assumptions.DiscountRate);
        foreach (var line in lines) Fraction(line.OptimismBias, nameof(line.OptimismBias));
    }
}

using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Statistics.Forecasting;

namespace Scrutiny.Grains.Benefits;

/// <summary>One period of an outcome as the case reads it: the count the baseline expected, its interval, the count observed.</summary>
public sealed record CountedPeriod(string Period, string FinancialYear, decimal Expected, decimal ExpectedLower, decimal ExpectedUpper, decimal Observed);

/// <summary>
/// An outcome of the case with everything that values it: the indicator, the unit cost as catalogued and as used (restated
/// at the case's price year), the optimism bias of its grade, what one outcome is worth, the periods counted, and its
/// present benefit (unrounded).
/// </summary>
public sealed record ValuedOutcome(
    CaseLine Line, IndicatorDefinition Indicator, UnitCost Cost, decimal UnitCostPence, decimal OptimismBias, decimal WorthPence,
    IReadOnlyList<CountedPeriod> Periods, decimal PresentBenefit);

/// <summary>A financial year's spend against the commitment from the pooled fund, in pence, and the year of the case it counts in.</summary>
public sealed record CaseCost(string FinancialYear, int Year, long Pence);

/// <summary>
/// One agency's part in paying for a case: what it put into the board's pool (all years, not discounted) and its share of
/// the case's present cost in proportion, as the pool paid for it. The gains fall to sectors, as unit costs are borne.
/// </summary>
public sealed record AgencyFlow(string Agency, string Sector, long ContributedToPoolPence, long PaidTowardsCasePence);

/// <summary>What stops a case being computed, naming the setting or input at fault.</summary>
public sealed record CaseProblem(string Field, string Message);

/// <summary>
/// One sector's part in a case, in present values: what it paid towards the case's costs (its share of the pool's
/// contributions, as the pool paid for them), what it gains, and what it would pay if costs followed gains.
/// </summary>
public sealed record SectorFlow(string Sector, long ContributedToPoolPence, long PaidTowardsCasePence, long GainsPence, long FairSharePence)
{
    /// <summary>Above 0: the sector pays for more than it gains (the "wrong pocket"); below 0, it gains more than it pays.</summary>
    public long OverpaidPence => PaidTowardsCasePence - FairSharePence;
}

/// <summary>
/// A commitment's or cohort's cost-benefit case worked out from the series the reader may see, the pooled fund's spend on it,
/// the catalogue's unit costs and the administrator's settings. <see cref="Result"/> is null while any
/// <see cref="Problems"/> remain: a case is computed whole or not at all, never from the outcomes that happen to be
/// valuable.
/// </summary>
public sealed record CaseAppraisal(
    CaseSubject Subject, CaseSettings Settings, AppraisalSettings Appraisal, IReadOnlyList<ValuedOutcome> Outcomes, IReadOnlyList<CaseCost> Costs,
    CaseResult? Result, IReadOnlyList<SectorFlow> Flows, IReadOnlyList<AgencyFlow> AgencyFlows, IReadOnlyList<CaseProblem> Problems)
{
    public string StartYear => FinancialYear.Of(Settings.Starts);

    /// <summary>Whether any unit cost used is made up: every page and file showing the case says so.</summary>
    public bool Illustrative => Outcomes.Any(o => o.Cost.Illustrative);

    /// <summary>The present benefit of the outcomes of the kinds given, rounded once.</summary>
    public long PresentBenefitPence(Func<BenefitKind, bool> kinds) => BenefitCase.Pence(Outcomes.Where(o => kinds(o.Cost.Kind)).Sum(o => o.PresentBenefit));

    /// <summary>Savings to public budgets, cashable or not.</summary>
    public long FiscalPence => PresentBenefitPence(k => k is BenefitKind.FiscalCashable or BenefitKind.FiscalNonCashable);

    public long CashablePence => PresentBenefitPence(k => k is BenefitKind.FiscalCashable);

    /// <summary>The net present budget impact: fiscal benefits less costs, the two figures shown. Null without a result.</summary>
    public long? NetBudgetImpactPence => Result is null ? null : FiscalPence - Result.PresentCostPence;

    /// <summary>The financial return on investment: fiscal benefits for each pound spent. Null without costs.</summary>
    public decimal? FiscalReturn => Result is { PresentCostPence: > 0 }
        ? Outcomes.Where(o => o.Cost.IsFiscal).Sum(o => o.PresentBenefit) / Costs.Sum(c => c.Pence * Discounting.Factor(Appraisal.DiscountRate, c.Year))
        : null;
}

/// <summary>Works out a commitment's or cohort's case (<c>docs/benefits.md</c> states every step).</summary>
public static class CaseAppraiser
{
    /// <param name="series">The series of the board's place the reader may see, by indicator code: a case is never
    /// worked from a value its reader could not see.</param>
    /// <param name="sectors">Each agency's sector, by code.</param>
    /// <param name="subject">The commitment or cohort: its indicators are the only ones a line may count, and the spend
    /// against its commitments is the case's cost.</param>
    public static CaseAppraisal Appraise(
        CaseSubject subject, CaseSettings settings, IReadOnlyDictionary<string, IndicatorSeries> series, IEnumerable<FundEntry> fund,
        IReadOnlyDictionary<string, UnitCost> unitCosts, AppraisalSettings appraisal, IReadOnlyDictionary<string, string> sectors)
    {
        var problems = new List<CaseProblem>();
        var startYear = StartYearOf(FinancialYear.Of(settings.Starts));
        if (settings.Lines.Count == 0) problems.Add(new("lines", "The case values no outcome: add an indicator and the unit cost of one."));

        var outcomes = new List<ValuedOutcome>();
        var lines = new List<BenefitLine>();
        for (var i = 0; i < settings.Lines.Count; i++)
        {
            var line = settings.Lines[i];
            var field = $"lines[{i}]";
            if (Value(line, field, subject.Indicators.Contains(line.Indicator) ? series.GetValueOrDefault(line.Indicator) : null, unitCosts.GetValueOrDefault(line.UnitCost), settings,
                    appraisal, problems) is not { } valued) continue;
            outcomes.Add(valued);
            lines.Add(new BenefitLine(line.Indicator, valued.Indicator.Polarity, line.UnitCost, valued.Cost.BorneBy, valued.UnitCostPence,
                valued.OptimismBias, [.. ByFinancialYear(valued.Periods, startYear)]));
        }

        var spend = fund.Where(e => e.Kind == FundEntryKind.Spend && e.Commitment is { } c && subject.SpendOf.Contains(c)).ToList();
        // Spend before the case's first year (setting up) counts in that year, undiscounted.
        var costs = spend.GroupBy(e => Math.Max(0, StartYearOf(e.FinancialYear) - startYear))
            .OrderBy(g => g.Key)
            .Select(g => new CaseCost(g.Key == 0 ? FinancialYear.Of(settings.Starts) : g.First().FinancialYear, g.Key, g.Sum(e => e.AmountPence)))
            .ToList();

        if (problems.Count > 0) return new CaseAppraisal(subject, settings, appraisal, outcomes, costs, null, [], [], problems);

        var assumptions = new CaseAssumptions(settings.Deadweight, settings.Attribution, appraisal.DiscountRate);
        var result = BenefitCase.Compute(assumptions, lines, [.. costs.Select(c => (c.FinancialYear, c.Year, c.Pence))]);
        outcomes = [.. outcomes.Select((o, i) => o with { PresentBenefit = result.LinePresentBenefit[i] })];
        return new CaseAppraisal(subject, settings, appraisal, outcomes, costs, result, Flows(result, fund, sectors),
            AgencyFlows(result, fund, sectors), []);
    }

    /// <summary>The year a financial year named <c>2026/27</c> starts in.</summary>
    public static int StartYearOf(string financialYear) => int.Parse(financialYear.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);

    private static ValuedOutcome? Value(CaseLine line, string field, IndicatorSeries? series, UnitCost? cost, CaseSettings settings,
        AppraisalSettings appraisal, List<CaseProblem> problems)
    {
        var starts = settings.Starts;
        var before = problems.Count;
        if (series is null) problems.Add(new($"{field}.indicator", $"'{line.Indicator}' is not one of the indicators this case may count."));
        else
        {
            if (series.Indicator.Unit is IndicatorUnit.Value or IndicatorUnit.PercentagePoints)
                problems.Add(new($"{field}.indicator", $"{series.Indicator.Title} is not a count, nor a rate or percentage of counted people: it cannot be valued by a unit cost."));
            if (series.Indicator.Polarity == Polarity.NoJudgement)
                problems.Add(new($"{field}.indicator", $"{series.Indicator.Title} has no better direction, so no change in it is a saving."));
        }
        if (cost is null) problems.Add(new($"{field}.unitCost", $"The catalogue has no unit cost '{line.UnitCost}'."));
        if (problems.Count > before) return null;

        var price = appraisal.PriceYear is { } year ? appraisal.Uprating.ToPriceYear(cost!.ValuePence, cost.PriceYear, year) : cost!.ValuePence;
        if (price is null)
            problems.Add(new($"{field}.unitCost", $"{cost.Name} is at {cost.PriceYear} prices and the deflator series lacks {cost.PriceYear} or {appraisal.PriceYear}: it cannot be restated."));
        if (!appraisal.OptimismBias.TryGetValue(cost.Grade, out var bias))
            problems.Add(new($"{field}.unitCost", $"{cost.Name} is of confidence grade {cost.Grade}, for which the administrator has set no optimism bias."));

        var periods = Counted(series!, starts, out var history);
        if (history < BaselineForecast.MinimumPoints)
            problems.Add(new($"{field}.indicator", $"{series!.Indicator.Title} has {history} period{(history == 1 ? "" : "s")} before {starts:yyyy-MM-dd}; the baseline needs {BaselineForecast.MinimumPoints}."));
        if (problems.Count > before) return null;

        var worth = BenefitCase.Worth(new CaseAssumptions(settings.Deadweight, settings.Attribution), price!.Value, bias);
        return new ValuedOutcome(line, series!.Indicator, cost, price.Value, bias, worth, periods, 0);
    }

    /// <summary>
    /// The counts (numerators: a rate's events, a percentage's people) of every period from <paramref name="starts"/> on,
    /// each with the baseline forecast fitted to the counts of the periods before it (never below 0: a count cannot be).
    /// </summary>
    private static List<CountedPeriod> Counted(IndicatorSeries series, DateOnly starts, out int history)
    {
        var points = series.Points.Select(p => (Period: Period.Parse(p.Period), p.Numerator)).OrderBy(p => p.Period).ToList();
        var before = points.Where(p => p.Period.Start < starts).ToList();
        var after = points.Where(p => p.Period.Start >= starts).ToList();
        history = before.Count;
        if (before.Count < BaselineForecast.MinimumPoints || after.Count == 0) return [];

        var last = before[^1].Period;
        var steps = after.Select(p => StepsAfter(last, p.Period)).ToList();
        var forecast = BaselineForecast.Of([.. before.Select(p => p.Numerator)], steps[^1]);
        return [.. after.Select((p, i) =>
        {
            var f = forecast[steps[i] - 1];
            return new CountedPeriod(p.Period.ToString(), FinancialYear.Of(p.Period.Start), Count(f.Value), Count(f.Lower), Count(f.Upper), (decimal)p.Numerator);
        })];
    }

    private static decimal Count(double value) => (decimal)Math.Max(0, value);

    private static int StepsAfter(Period last, Period period)
    {
        var steps = 0;
        for (var p = last; p.CompareTo(period) < 0; p = p.Next()) steps++;
        return steps;
    }

    /// <summary>The periods summed by financial year (their interval limits too: a range at least as wide as the sum's own).</summary>
    private static IEnumerable<OutcomePeriod> ByFinancialYear(IEnumerable<CountedPeriod> periods, int startYear) =>
        periods.GroupBy(p => p.FinancialYear).Select(g => new OutcomePeriod(g.Key, StartYearOf(g.Key) - startYear,
            g.Sum(p => p.Expected), g.Sum(p => p.ExpectedLower), g.Sum(p => p.ExpectedUpper), g.Sum(p => p.Observed)));

    /// <summary>
    /// Each sector's part: its share of everything paid into the pool (all years) applied to the case's present cost,
    /// its gains (the bearers of the unit costs are sectors), and the fair share of the cost in proportion to the gains.
    /// </summary>
    /// <summary>Each contributing agency's share of the case's present cost, as it shared the pool (in whole pence that add up).</summary>
    private static List<AgencyFlow> AgencyFlows(CaseResult result, IEnumerable<FundEntry> fund, IReadOnlyDictionary<string, string> sectors)
    {
        var (contributed, paid) = PaidAsPooled(result, fund, e => e.Agency);
        return [.. contributed.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
            new AgencyFlow(c.Key, sectors.GetValueOrDefault(c.Key, PooledBudget.UnknownSector), c.Value, paid.GetValueOrDefault(c.Key)))];
    }

    /// <summary>
    /// What each payer (an agency, or a sector) put into the pool, all years, and the case's present cost shared in
    /// proportion to it: the pool paid the costs, so each paid towards them as it paid into the pool.
    /// </summary>
    private static (Dictionary<string, long> Contributed, IReadOnlyDictionary<string, long> Paid) PaidAsPooled(
        CaseResult result, IEnumerable<FundEntry> fund, Func<FundEntry, string> payer)
    {
        var contributed = fund.Where(e => e.Kind == FundEntryKind.Contribution).GroupBy(payer, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.AmountPence), StringComparer.Ordinal);
        return (contributed, FairShares.Split(result.PresentCostPence, contributed.ToDictionary(c => c.Key, c => (decimal)c.Value, StringComparer.Ordinal)));
    }

    private static List<SectorFlow> Flows(CaseResult result, IEnumerable<FundEntry> fund, IReadOnlyDictionary<string, string> sectors)
    {
        var (contributed, paid) = PaidAsPooled(result, fund, e => sectors.GetValueOrDefault(e.Agency, PooledBudget.UnknownSector));
        var gains = result.Shares.ToDictionary(s => s.BorneBy, StringComparer.Ordinal);
        return [.. contributed.Keys.Concat(gains.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(sector =>
            new SectorFlow(sector, contributed.GetValueOrDefault(sector), paid.GetValueOrDefault(sector),
                gains.GetValueOrDefault(sector)?.PresentBenefitPence ?? 0, gains.GetValueOrDefault(sector)?.FairContributionPence ?? 0))];
    }
}

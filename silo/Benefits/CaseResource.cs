using Scrutiny.Grains.Benefits;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Benefits;

/// <summary>What the board states, and the settings the case was worked with; shares in per cent.</summary>
public sealed record CaseAssumptionsResource(
    DateOnly Starts, string StartYear, decimal DeadweightPercent, decimal AttributionPercent, decimal DiscountRatePercent, string? PriceYear,
    string? DeflatorSource, string? Notes, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>One period of an outcome: the baseline's count and its 95% prediction interval, and the count observed.</summary>
public sealed record CountedPeriodResource(string Period, string FinancialYear, decimal Expected, decimal ExpectedLower, decimal ExpectedUpper, decimal Observed);

/// <summary>An outcome valued: the unit cost as catalogued and as used (restated at the price year), its optimism bias, what one is worth.</summary>
public sealed record CaseOutcomeResource(
    string Indicator, string Title, Polarity Polarity, UnitCostResource UnitCost, decimal UnitCostUsedPence, decimal OptimismBiasPercent,
    decimal WorthPence, long PresentBenefitPence, IReadOnlyList<CountedPeriodResource> Periods);

/// <summary>A financial year of the case, in whole pence (each figure rounded on its own: the totals are rounded once, from unrounded sums).</summary>
public sealed record CaseYearResource(string FinancialYear, int Year, decimal DiscountFactor, long BenefitPence, long BenefitLowPence,
    long BenefitHighPence, long CostPence);

public sealed record CaseTotalsResource(
    long PresentBenefitPence, long PresentBenefitLowPence, long PresentBenefitHighPence, long PresentCostPence, long NetPresentValuePence,
    decimal? BenefitCostRatio, long FiscalBenefitPence, long CashableBenefitPence, long NetBudgetImpactPence, decimal? FiscalReturn, string? PaysBackIn);

/// <summary>
/// A commitment's or cohort's case as the API gives it (<c>of</c> says which; <c>subject</c> is its id): the assumptions, every outcome with its periods, the years, the totals and
/// who pays and who gains; or, while the case cannot be worked out, the problems that stop it (and no figures).
/// </summary>
public sealed record CaseResource(
    string Board, string Subject, string Of, string Title, bool Illustrative, CaseAssumptionsResource Assumptions, IReadOnlyList<CaseOutcomeResource> Outcomes,
    IReadOnlyList<CaseYearResource> Years, CaseTotalsResource? Totals, IReadOnlyList<SectorFlow> Flows, IReadOnlyList<AgencyFlow> AgencyFlows,
    IReadOnlyList<CaseProblem> Problems)
{
    public static CaseResource From(string board, CaseAppraisal a)
    {
        var s = a.Settings;
        var r = a.Result;
        return new CaseResource(board, a.Subject.Id, a.Subject.IsCohort ? "cohort" : "commitment", a.Subject.Title, a.Illustrative,
            new CaseAssumptionsResource(s.Starts, a.StartYear, Percent(s.Deadweight), Percent(s.Attribution), Percent(a.Appraisal.DiscountRate),
                a.Appraisal.PriceYear, a.Appraisal.DeflatorSource, s.Notes, s.UpdatedBy, s.UpdatedAt),
            [.. a.Outcomes.Select(o => new CaseOutcomeResource(o.Indicator.Code, o.Indicator.Title, o.Indicator.Polarity, UnitCostResource.From(o.Cost),
                Plain(o.UnitCostPence), Percent(o.OptimismBias), Plain(o.WorthPence), BenefitCase.Pence(o.PresentBenefit),
                [.. o.Periods.Select(p => new CountedPeriodResource(p.Period, p.FinancialYear, p.Expected, p.ExpectedLower, p.ExpectedUpper, p.Observed))]))],
            r is null ? [] : [.. r.Periods.Select(p => new CaseYearResource(p.Period, p.Year, p.DiscountFactor, BenefitCase.Pence(p.Benefit),
                BenefitCase.Pence(p.BenefitLow), BenefitCase.Pence(p.BenefitHigh), p.Cost))],
            r is null ? null : new CaseTotalsResource(r.PresentBenefitPence, r.PresentBenefitLowPence, r.PresentBenefitHighPence, r.PresentCostPence,
                r.NetPresentValuePence, r.BenefitCostRatio, a.FiscalPence, a.CashablePence, a.NetBudgetImpactPence!.Value, a.FiscalReturn, r.PaysBackIn),
            a.Flows, a.AgencyFlows, a.Problems);
    }

    /// <summary>A share as per cent, written plainly (0.10 → 10).</summary>
    public static decimal Percent(decimal share) => Plain(share * 100);

    /// <summary>The number without the trailing zeros decimal arithmetic keeps (16200.000 → 16200): the same value, read plainly.</summary>
    public static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;
}

/// <summary>A unit cost of the catalogue; its value in whole pence at its price year's prices.</summary>
public sealed record UnitCostResource(
    string Code, string Name, string BorneBy, long ValuePence, string PriceYear, int Grade, BenefitKind Kind, string Source, string? Licence,
    bool Illustrative, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static UnitCostResource From(UnitCost c) =>
        new(c.Code, c.Name, c.BorneBy, c.ValuePence, c.PriceYear, c.Grade, c.Kind, c.Source, c.Licence, c.Illustrative, c.UpdatedBy, c.UpdatedAt);
}

/// <summary>What a unit-cost CSV import did: how many unit costs it added and how many it replaced.</summary>
public sealed record UnitCostImportResource(int Created, int Updated)
{
    public static UnitCostImportResource From(UnitCostImport import) => new(import.Created.Count, import.Updated.Count);
}

/// <summary>The appraisal settings with shares in per cent.</summary>
public sealed record AppraisalSettingsResource(
    decimal DiscountRatePercent, string? PriceYear, IReadOnlyList<AppraisalSettingsResource.GradeBias> OptimismBias,
    IReadOnlyList<AppraisalSettingsResource.DeflatorYear> Deflator, string? DeflatorSource,
    string? UpdatedBy, DateTimeOffset? UpdatedAt)
{
    public sealed record GradeBias(int Grade, decimal Percent);

    public sealed record DeflatorYear(string Year, decimal Index);

    public static AppraisalSettingsResource From(AppraisalSettings s) => new(CaseResource.Percent(s.DiscountRate), s.PriceYear,
        [.. s.OptimismBias.OrderBy(b => b.Key).Select(b => new GradeBias(b.Key, CaseResource.Percent(b.Value)))],
        [.. s.Deflator.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new DeflatorYear(d.Key, d.Value))], s.DeflatorSource, s.UpdatedBy, s.UpdatedAt);
}

using System.Globalization;
using Scrutiny.Grains.Benefits;
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Benefits;

/// <summary>
/// A case as CSV, one table (every row the same columns, as RFC 4180 asks) whose first column says what a row is:
/// first the method's assumptions (<c>assumption</c>: <c>subject</c> names it, <c>value</c> gives it), then every figure
/// the page shows: an outcome's period (the baseline's count, its interval, the count observed, what one is worth), a
/// financial year (benefit, range, cost, discount factor), a sector's part, and the totals. Money in whole pence; counts
/// and factors unrounded.
/// </summary>
public static class CaseCsv
{
    public static TableAbout About(string board, CaseAppraisal a, TableView view) => new("Case", $"{a.Subject.Title}: cost-benefit case",
        "One table whose first column says what a row is: first the method's assumptions, then every figure the page shows (an outcome's period, " +
        "a financial year, a sector's part, the totals). Money in whole pence; counts and factors unrounded.", view)
    { Facts = [("board", board), ("subject", a.Subject.Id), ("of", a.Subject.IsCohort ? "cohort" : "commitment")] };

    public static void Write(IRowWriter csv, string board, CaseAppraisal a)
    {
        var s = a.Settings;
        csv.Header("row", "subject", "value", "financial_year", "year", "period", "expected", "expected_lower", "expected_upper", "observed",
            "worth_pence", "benefit_pence", "benefit_low_pence", "benefit_high_pence", "cost_pence", "discount_factor", "fair_share_pence");
        void Assumption(string name, string? value) =>
            Row("assumption", name, value, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        Assumption("board", board);
        Assumption(a.Subject.IsCohort ? "cohort" : "commitment", $"{a.Subject.Id} {a.Subject.Title}");
        Assumption("method", "docs/benefits.md");
        Assumption("illustrative_unit_costs", a.Illustrative ? "yes" : "no");
        Assumption("starts", s.Starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assumption("deadweight_percent", Text(CaseResource.Percent(s.Deadweight)));
        Assumption("attribution_percent", Text(CaseResource.Percent(s.Attribution)));
        Assumption("discount_rate_percent", Text(CaseResource.Percent(a.Appraisal.DiscountRate)));
        Assumption("price_year", a.Appraisal.PriceYear ?? "none: each unit cost at its own prices");
        Assumption("deflator_source", a.Appraisal.DeflatorSource);
        foreach (var o in a.Outcomes)
            Assumption($"unit_cost {o.Cost.Code}", $"{Text(o.Cost.ValuePence)} pence at {o.Cost.PriceYear} prices, grade {o.Cost.Grade}, " +
                $"{Catalogue(o.Cost.Kind)}, borne by {o.Cost.BorneBy}; used at {Text(o.UnitCostPence)} pence less {Text(CaseResource.Percent(o.OptimismBias))}% " +
                $"optimism bias; source: {o.Cost.Source}{(o.Cost.Licence is { } l ? $"; licence: {l}" : "")}{(o.Cost.Illustrative ? "; illustrative" : "")}");
        Assumption("notes", s.Notes);
        foreach (var problem in a.Problems) Assumption($"problem {problem.Field}", problem.Message);

        foreach (var o in a.Outcomes)
            foreach (var p in o.Periods)
                Row("outcome", $"{o.Indicator.Code} × {o.Cost.Code}", null, p.FinancialYear, null, p.Period, p.Expected, p.ExpectedLower, p.ExpectedUpper, p.Observed,
                    o.WorthPence, null, null, null, null, null, null);
        if (a.Result is not { } r) return;
        foreach (var y in r.Periods)
            Row("year", null, null, y.Period, y.Year, null, null, null, null, null, null, BenefitCase.Pence(y.Benefit), BenefitCase.Pence(y.BenefitLow),
                BenefitCase.Pence(y.BenefitHigh), y.Cost, y.DiscountFactor, null);
        foreach (var f in a.AgencyFlows)
            Row("agency", f.Agency, f.Sector, null, null, null, null, null, null, null, null, null, null, null, f.PaidTowardsCasePence, null, null);
        foreach (var f in a.Flows)
            Row("sector", f.Sector, null, null, null, null, null, null, null, null, null, f.GainsPence, null, null, f.PaidTowardsCasePence, null, f.FairSharePence);
        Row("present_value", r.PaysBackIn is { } y2 ? $"pays back in {y2}" : "not paid back", null, null, null, null, null, null, null, null, null,
            r.PresentBenefitPence, r.PresentBenefitLowPence, r.PresentBenefitHighPence, r.PresentCostPence, null, null);
        Row("net_present_value", null, null, null, null, null, null, null, null, null, null, r.NetPresentValuePence, null, null, null, null, null);
        Row("fiscal_present_value", $"of which cashable {Text(a.CashablePence)}", null, null, null, null, null, null, null, null, null,
            a.FiscalPence, null, null, r.PresentCostPence, null, null);

        void Row(string kind, string? subject, string? value, string? year, int? index, string? period, decimal? expected, decimal? lower, decimal? upper, decimal? observed,
            decimal? worth, decimal? benefit, decimal? low, decimal? high, long? cost, decimal? factor, long? fair)
        {
            csv.Text(kind).Text(subject).Text(value).Text(year).Number(index).Text(period).Text(Text(expected)).Text(Text(lower)).Text(Text(upper)).Text(Text(observed))
                .Text(Text(worth)).Text(Text(benefit)).Text(Text(low)).Text(Text(high)).Text(Text(cost)).Text(Text(factor)).Text(Text(fair));
            csv.EndRow();
        }
    }

    private static string Catalogue(BenefitKind kind) => Grains.Catalogue.CatalogueNames.Name(kind);

    private static string? Text(decimal? value) => value is { } v ? CaseResource.Plain(v).ToString(CultureInfo.InvariantCulture) : null;
}

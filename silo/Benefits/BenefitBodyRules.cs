using Scrutiny.Grains.Benefits;
using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Benefits;

/// <summary>
/// Checks the bodies of the unit-cost catalogue, the appraisal settings and a board's case, naming each field at fault
/// as the body names it (<c>lines[1].unitCost</c>); a body with any problem writes nothing.
/// </summary>
public static class BenefitBodyRules
{
    /// <summary>The largest unit cost, £100m: more is a typing slip.</summary>
    public const decimal MaxValue = 100_000_000m;

    /// <summary>A case values at most this many outcomes: a page and a board paper must still be read.</summary>
    public const int MaxLines = 20;

    public const int MaxSourceLength = 1000;

    public static (UnitCost? Cost, IReadOnlyList<FieldProblem> Problems) UnitCost(string code, UnitCostBody? body, string actor, DateTimeOffset at)
    {
        var p = new FieldProblems();
        if (!CatalogueCodes.IsCode(code)) p.Add("code", "invalid_code", "A unit cost's code is lower-case words joined by hyphens: emergency-admission.");
        // /admin/unit-costs/new is the page that adds one: a unit cost called "new" could never be opened to change.
        else if (code == "new") p.Add("code", "reserved", "'new' names the page that adds a unit cost: choose another code.");
        if (body is null)
        {
            p.Add("", "required", "The body is required: name, borneBy, value, priceYear, grade, kind, source.");
            return (null, p.List);
        }
        var name = p.Text(body.Name, "name", CodeRules.MaxTextLength);
        // A sector as agencies' sectors are named (health, local_government), so that the case puts its gains beside
        // what the sector's agencies paid in.
        var borneBy = p.Text(body.BorneBy, "borneBy", 100);
        long pence = 0;
        if (body.Value is not { } value) p.Add("value", "required", "value is required, in pounds (2150.00).");
        else if (value is < 0 or > MaxValue) p.Add("value", "out_of_range", $"value must be from £0 to £{MaxValue:N0}.");
        else if (decimal.Round(value, 2) != value) p.Add("value", "too_precise", "value is in pounds and pence: at most two decimal places.");
        else pence = (long)(value * 100);
        var priceYear = FinancialYearOf(p, body.PriceYear, "priceYear", required: true);
        if (body.Grade is not { } grade) p.Add("grade", "required", $"grade is required: {Grains.Benefits.UnitCost.BestGrade} (the most trusted) to {Grains.Benefits.UnitCost.WorstGrade}.");
        else if (grade is < Grains.Benefits.UnitCost.BestGrade or > Grains.Benefits.UnitCost.WorstGrade)
            p.Add("grade", "out_of_range", $"grade must be from {Grains.Benefits.UnitCost.BestGrade} to {Grains.Benefits.UnitCost.WorstGrade}.");
        var kind = p.OneOf<BenefitKind>(body.Kind, "kind");
        var source = p.Text(body.Source, "source", MaxSourceLength);
        var licence = p.Optional(body.Licence, "licence", CodeRules.MaxTextLength);
        return p.Any ? (null, p.List)
            : (new UnitCost(code, name!, borneBy!, pence, priceYear!, body.Grade!.Value, kind!.Value, source!, licence, body.Illustrative ?? false, actor, at), []);
    }

    public static (AppraisalSettings? Settings, IReadOnlyList<FieldProblem> Problems) Settings(AppraisalSettingsBody? body, string actor, DateTimeOffset at)
    {
        var p = new FieldProblems();
        if (body is null)
        {
            p.Add("", "required", "The body is required.");
            return (null, p.List);
        }
        var rate = body.DiscountRatePercent ?? Discounting.GreenBookRate * 100;
        if (rate is < 0 or > 20) p.Add("discountRatePercent", "out_of_range", "discountRatePercent must be from 0 to 20 (per cent a year).");
        var priceYear = FinancialYearOf(p, body.PriceYear, "priceYear", required: false);

        var bias = new Dictionary<int, decimal>();
        foreach (var (item, i) in (body.OptimismBias ?? []).Select((b, i) => (b, i)))
        {
            var field = $"optimismBias[{i}]";
            if (item?.Grade is not { } grade || grade is < Grains.Benefits.UnitCost.BestGrade or > Grains.Benefits.UnitCost.WorstGrade)
                p.Add($"{field}.grade", "out_of_range", $"{field}.grade must be from {Grains.Benefits.UnitCost.BestGrade} to {Grains.Benefits.UnitCost.WorstGrade}.");
            else if (!bias.TryAdd(grade, (Percent(p, item.Percent, $"{field}.percent") ?? 0) / 100))
                p.Add($"{field}.grade", "duplicate", $"Grade {grade} is given more than once.");
        }

        var deflator = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (item, i) in (body.Deflator ?? []).Select((d, i) => (d, i)))
        {
            var field = $"deflator[{i}]";
            var year = FinancialYearOf(p, item?.Year, $"{field}.year", required: true);
            if (item?.Index is not { } index || index <= 0 || index > 1_000_000)
                p.Add($"{field}.index", "out_of_range", $"{field}.index must be a number above 0 (the index, any base year: 100 in the base).");
            else if (year is not null && !deflator.TryAdd(year, index)) p.Add($"{field}.year", "duplicate", $"{year} is given more than once.");
        }
        if (priceYear is not null && deflator.Count > 0 && !deflator.ContainsKey(priceYear))
            p.Add("priceYear", "not_in_deflator", $"The deflator has no index for {priceYear}, so nothing can be restated at its prices.");
        var source = p.Optional(body.DeflatorSource, "deflatorSource", MaxSourceLength);
        return p.Any ? (null, p.List) : (new AppraisalSettings(rate / 100, priceYear, bias, deflator, source, actor, at), []);
    }

    /// <param name="indicators">The commitment's indicators or the cohort's outcomes: a case values only what its subject measures.</param>
    public static (CaseDraft? Draft, IReadOnlyList<FieldProblem> Problems) Case(CaseBody? body, IReadOnlyList<string> indicators,
        IReadOnlyCollection<string> unitCosts)
    {
        var p = new FieldProblems();
        if (body is null)
        {
            p.Add("", "required", "The body is required: starts, deadweightPercent, attributionPercent, lines.");
            return (null, p.List);
        }
        var starts = p.Date(body.Starts, "starts", required: true);
        var deadweight = Percent(p, body.DeadweightPercent, "deadweightPercent");
        var attribution = Percent(p, body.AttributionPercent, "attributionPercent");
        var lines = new List<CaseLine>();
        if (body.Lines is not { Count: > 0 }) p.Add("lines", "required", "lines is required: at least one indicator of the commitment, each with a unit cost.");
        else if (body.Lines.Count > MaxLines) p.Add("lines", "too_many", $"A case values at most {MaxLines} outcomes.");
        else
            foreach (var (line, i) in body.Lines.Select((l, i) => (l, i)))
            {
                var field = $"lines[{i}]";
                var indicator = line?.Indicator?.Trim();
                var unitCost = line?.UnitCost?.Trim();
                if (string.IsNullOrEmpty(indicator)) p.Add($"{field}.indicator", "required", $"{field}.indicator is required.");
                else if (!indicators.Contains(indicator, StringComparer.Ordinal))
                    p.Add($"{field}.indicator", "not_linked", $"{field}.indicator '{indicator}' is not one of the indicators this case may count ({string.Join(", ", indicators)}).");
                if (string.IsNullOrEmpty(unitCost)) p.Add($"{field}.unitCost", "required", $"{field}.unitCost is required.");
                else if (!unitCosts.Contains(unitCost)) p.Add($"{field}.unitCost", "unknown", $"{field}.unitCost: the catalogue has no unit cost '{unitCost}'.");
                if (indicator is { Length: > 0 } && unitCost is { Length: > 0 })
                {
                    if (lines.Any(l => l.Indicator == indicator && l.UnitCost == unitCost))
                        p.Add(field, "duplicate", $"{field} values {indicator} by {unitCost} a second time.");
                    lines.Add(new CaseLine(indicator, unitCost));
                }
            }
        var notes = p.Optional(body.Notes, "notes", MaxSourceLength);
        return p.Any ? (null, p.List) : (new CaseDraft(starts!.Value, deadweight!.Value / 100, attribution!.Value / 100, lines, notes), []);
    }

    private static decimal? Percent(FieldProblems p, decimal? value, string field)
    {
        if (value is not { } percent) p.Add(field, "required", $"{field} is required, from 0 to 100.");
        else if (percent is < 0 or > 100) p.Add(field, "out_of_range", $"{field} must be from 0 to 100.");
        else return percent;
        return null;
    }

    private static string? FinancialYearOf(FieldProblems p, string? text, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) p.Add(field, "required", $"{field} is required: a financial year written {Period.Example(Frequency.FinancialYear)}.");
            return null;
        }
        if (Period.TryParse(text.Trim(), Frequency.FinancialYear, out var year)) return year.Value.ToString();
        p.Add(field, "invalid_year", $"{field} must be a financial year written {Period.Example(Frequency.FinancialYear)}.");
        return null;
    }
}

namespace Scrutiny.Grains.Benefits;

/// <summary>
/// What a unit cost counts as, in the Greater Manchester method's terms: a saving to a public budget that can be taken
/// out (cashable) or that frees capacity for other work (non-cashable), a gain to the economy (higher earnings, for
/// instance), or to people's wellbeing and society.
/// </summary>
public enum BenefitKind
{
    FiscalCashable,
    FiscalNonCashable,
    Economic,
    Social,
}

/// <summary>
/// The cost of one outcome (an emergency admission, a night in an acute bed, a police call-out), as an administrator
/// keeps it in the catalogue: who bears it (a sector, as the catalogue names agencies' sectors), what it is worth in
/// whole pence at the prices of <paramref name="PriceYear"/> (a financial year, <c>2024/25</c>), where the figure comes
/// from and under what licence, and how far it can be trusted.
/// </summary>
/// <param name="Grade">The confidence grade, 1 (the most trusted: a recent local figure from a robust source) to 5; the
/// administrator's optimism bias for the grade is taken off its value in a case.</param>
/// <param name="Illustrative">True for a made-up figure (the demo's, unless real and citable): every page showing a
/// case valued by it says so.</param>
public sealed record UnitCost(
    string Code, string Name, string BorneBy, long ValuePence, string PriceYear, int Grade, BenefitKind Kind,
    string Source, string? Licence, bool Illustrative, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public const int BestGrade = 1;
    public const int WorstGrade = 5;

    public bool IsFiscal => Kind is BenefitKind.FiscalCashable or BenefitKind.FiscalNonCashable;
}

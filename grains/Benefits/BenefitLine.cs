using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Benefits;

/// <summary>
/// One outcome a case counts, valued by one unit cost: per period, the count the baseline forecast expected (what would
/// have happened anyway) and its prediction interval, against the count observed. <paramref name="BorneBy"/> is the
/// agency or sector that bears the unit cost, so gains its saving.
/// </summary>
public sealed record BenefitLine(
    string Outcome, Polarity Polarity, string UnitCost, string BorneBy, decimal UnitCostPence, decimal OptimismBias,
    IReadOnlyList<OutcomePeriod> Periods);

/// <summary>One period of an outcome: the year of the case it falls in (0 the first), the baseline's count and interval, and the count observed.</summary>
public sealed record OutcomePeriod(string Period, int Year, decimal Expected, decimal ExpectedLower, decimal ExpectedUpper, decimal Observed);

/// <summary>What the board states about a case: the share that would have happened anyway, and the share its work caused.</summary>
public sealed record CaseAssumptions(decimal Deadweight, decimal Attribution, decimal DiscountRate = Discounting.GreenBookRate);

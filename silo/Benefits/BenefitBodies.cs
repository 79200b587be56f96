namespace Scrutiny.Silo.Benefits;

/// <summary>A unit cost as an administrator sends it: <c>value</c> in pounds and pence at <c>priceYear</c>'s prices (<c>2024/25</c>).</summary>
public sealed record UnitCostBody(
    string? Name, string? BorneBy, decimal? Value, string? PriceYear, int? Grade, string? Kind, string? Source, string? Licence, bool? Illustrative);

/// <summary>The optimism bias, in per cent, taken off a unit cost of a confidence grade.</summary>
public sealed record GradeBiasBody(int? Grade, decimal? Percent);

/// <summary>The deflator's index for one financial year (any base year).</summary>
public sealed record DeflatorBody(string? Year, decimal? Index);

/// <summary>The appraisal settings, all replaced at once: the discount rate in per cent a year (3.5 unless sent).</summary>
public sealed record AppraisalSettingsBody(
    decimal? DiscountRatePercent, string? PriceYear, IReadOnlyList<GradeBiasBody?>? OptimismBias, IReadOnlyList<DeflatorBody?>? Deflator,
    string? DeflatorSource);

/// <summary>An outcome a case values: one of the commitment's indicators and a unit cost's code.</summary>
public sealed record CaseLineBody(string? Indicator, string? UnitCost);

/// <summary>What a board states for a commitment's case: when the work started (<c>yyyy-MM-dd</c>), deadweight and attribution in per cent.</summary>
public sealed record CaseBody(string? Starts, decimal? DeadweightPercent, decimal? AttributionPercent, IReadOnlyList<CaseLineBody?>? Lines, string? Notes);

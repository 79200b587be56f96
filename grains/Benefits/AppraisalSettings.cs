namespace Scrutiny.Grains.Benefits;

/// <summary>
/// What every case is appraised with, as the administrator sets it: the discount rate a year (the Green Book's 3.5%
/// unless set), the price year unit costs are restated in (none: each used at its own prices, and the page says so),
/// the optimism bias taken off a unit cost of each confidence grade, and the deflator index by financial year that
/// restates prices.
/// </summary>
public sealed record AppraisalSettings(
    decimal DiscountRate, string? PriceYear, IReadOnlyDictionary<int, decimal> OptimismBias,
    IReadOnlyDictionary<string, decimal> Deflator, string? DeflatorSource, string? UpdatedBy, DateTimeOffset? UpdatedAt)
{
    /// <summary>Before an administrator sets anything: the Green Book's rate, no price year, no bias and no deflator.</summary>
    public static readonly AppraisalSettings Default = new(Discounting.GreenBookRate, null,
        new Dictionary<int, decimal>(), new Dictionary<string, decimal>(StringComparer.Ordinal), null, null, null);

    public Uprating Uprating => new(Deflator);
}

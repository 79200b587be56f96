using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Returns;

namespace Scrutiny.Silo.Seeding;

/// <summary>Every value one indicator grain gets from the seed.</summary>
public sealed record GrainReturns(string Place, IndicatorDefinition Indicator, IReadOnlyList<ReturnedValue> Values);

/// <summary>
/// Plans the demo's returns: synthetic ones for each borough's catalogue indicators and for England (the national
/// comparator), and the real claimant count, as published, for the places it covers. Boroughs the published file leaves out get no claimant figures: made-up
/// numbers beside real ones would pass for official statistics.
/// </summary>
public static class DemoReturns
{
    public static IReadOnlyList<GrainReturns> Plan(IReadOnlyList<IndicatorDefinition> indicators,
        IReadOnlyList<ClaimantCountRow> claimantCount, DateOnly showFrom, DateOnly today)
    {
        var plan = new List<GrainReturns>();
        foreach (var borough in DemoBoroughs.All)
            foreach (var indicator in indicators)
            {
                if (!IndicatorProfiles.ByCode.TryGetValue(indicator.Code, out var profile) ||
                    !DemoIndicators.Returners.TryGetValue(indicator.Code, out var returners)) continue;
                var agencies = returners.Select(r => (borough.AgencyFor(r.Role), r.Share)).ToList();
                plan.Add(new GrainReturns(borough.PlaceCode, indicator,
                    SyntheticReturns.For(borough, indicator, profile, agencies, showFrom, today)));
            }
        foreach (var indicator in indicators)
        {
            // England's figures come whole from one national source, not in parts from partners.
            if (!IndicatorProfiles.ByCode.TryGetValue(indicator.Code, out var profile) ||
                !DemoIndicators.Returners.ContainsKey(indicator.Code)) continue;
            plan.Add(new GrainReturns(DemoBoroughs.England.PlaceCode, indicator, SyntheticReturns.For(DemoBoroughs.England, indicator,
                profile, [(DemoAgencies.National.Code, 1.0)], showFrom, today)));
        }

        var real = ClaimantCountImport.Returns(claimantCount);
        var byCode = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        plan.AddRange(real.Select(r => new GrainReturns(r.Key.Place, byCode[r.Key.Indicator], r.Value)));

        foreach (var returns in plan) Check(returns, today);
        return plan;
    }

    /// <summary>
    /// The seed goes straight to the grains, past the returns validator, so its values are held to the same rules
    /// here: a demo that breaks them would show pages no real return could produce.
    /// </summary>
    private static void Check(GrainReturns returns, DateOnly today)
    {
        var problems = new List<string>();
        foreach (var value in returns.Values)
        {
            if (!Period.TryParse(value.Period, returns.Indicator.Frequency, out var period) || period.Value.Start > today)
                problems.Add($"period {value.Period}");
            ValueRules.Check(returns.Indicator, value.Numerator, value.Denominator,
                (field, code, _) => problems.Add($"{value.Period} {value.Agency} {field}: {code}"));
        }
        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"Demo returns for {returns.Place}/{returns.Indicator.Code} break the value rules: {string.Join("; ", problems)}");
    }
}

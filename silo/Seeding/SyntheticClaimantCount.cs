using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Seeding;

/// <summary>
/// Claimant figures for demo boroughs the real file does not cover (Manchester, say): England's real monthly rate
/// scaled by the borough's need, over the same months, so that their series keep the real national shape and line
/// up with the real ones.
/// </summary>
public static class SyntheticClaimantCount
{
    // Claimant rates spread more widely between places than most outcomes: Manchester's runs near one and a half
    // times England's, Trafford's near three quarters.
    private const double NeedEffect = 2.0;

    // About 63% of residents are aged 16 to 64 (2021 Census), the rate's denominator.
    private const double ShareAged16To64 = 0.63;

    // ONS rounds published claimant counts to the nearest 5.
    private const double CountRounding = 5;

    public static (IReadOnlyList<ReturnedValue> Counts, IReadOnlyList<ReturnedValue> Rates) For(
        DemoBorough borough, IReadOnlyList<ReturnedValue> englandRates)
    {
        var random = StableRandom.For("claimant", borough.PlaceCode);
        var ratio = (1 + NeedEffect * (borough.Need - 1)) * (1 + 0.05 * random.NextNormal());
        var counts = new List<ReturnedValue>(englandRates.Count);
        var rates = new List<ReturnedValue>(englandRates.Count);
        foreach (var england in englandRates)
        {
            var rate = england.Numerator * ratio * (1 + 0.02 * random.NextNormal());
            var count = Math.Round(rate / 100 * borough.Population * ShareAged16To64 / CountRounding) * CountRounding;
            counts.Add(england with { Numerator = count });
            rates.Add(england with { Numerator = Math.Round(rate, 1) });
        }
        return (counts, rates);
    }
}

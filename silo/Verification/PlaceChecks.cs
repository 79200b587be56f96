using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Grains;

namespace Scrutiny.Silo.Verification;

/// <summary>
/// Each place's latest values against its indicators: for every indicator with a value, the place holds the newest
/// period and the value its agencies' contributions combine to.
/// </summary>
internal static class PlaceChecks
{
    // The combined value is recomputed from the same doubles by the same code; only rounding in the JSON round trip
    // may differ.
    private const double Tolerance = 1e-9;

    public static void Check(
        IReadOnlyDictionary<string, IndicatorState> indicators, IReadOnlyDictionary<string, PlaceState> places,
        IReadOnlyDictionary<string, IndicatorDefinition> definitions, List<Discrepancy> found)
    {
        foreach (var (key, state) in indicators)
        {
            if (state.Periods.Count == 0) continue;
            var (place, code) = IndicatorKey.Parse(key);
            if (!definitions.TryGetValue(code, out var definition))
            {
                found.Add(new Discrepancy("indicator", key, "has values but the indicator is not in the catalogue"));
                continue;
            }
            var newestPeriod = state.Periods.Keys.MaxBy(Period.Parse)!;
            var expected = Combiner.Combine(definition, newestPeriod, state.Periods[newestPeriod]);
            var latest = places.GetValueOrDefault(place)?.Latest.GetValueOrDefault(code);
            if (latest is null)
                found.Add(new Discrepancy("place", key, $"the place has no latest value; expected {newestPeriod} = {expected.Value}"));
            else if (latest.Period != newestPeriod || !Close(latest.Value, expected.Value))
                found.Add(new Discrepancy("place", key, $"the place shows {latest.Period} = {latest.Value}; expected {newestPeriod} = {expected.Value}"));
        }
    }

    private static bool Close(double? a, double? b) =>
        a is null || b is null ? a is null && b is null : Math.Abs(a.Value - b.Value) <= Tolerance * Math.Max(1, Math.Abs(b.Value));
}

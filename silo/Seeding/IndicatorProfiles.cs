namespace Scrutiny.Silo.Seeding;

/// <summary>
/// Plausible levels for the fixture catalogue's indicators, near England's published figures of recent years
/// (emergency admissions of over-65s around 24,000 per 100,000 a year, adult smoking around 12%, a good level of
/// development around 67%), so that the demo's numbers look like the real ones.
/// </summary>
public static class IndicatorProfiles
{
    private const double Percent = 100;

    public static readonly IReadOnlyDictionary<string, IndicatorProfile> ByCode =
        new Dictionary<string, IndicatorProfile>(StringComparer.Ordinal)
        {
            // Monthly admissions per 100,000 aged 65+ (about 18% of residents), highest in winter.
            ["emergency-admissions-65plus"] = new(2_000, NeedEffect: 0.8, TrendPerYear: 0.01, Noise: 0.03,
                SeasonPeakMonth: 1, SeasonAmplitude: 0.10, DenominatorPer100000: 18_000),
            ["still-at-home-91-days"] = new(82, NeedEffect: -0.3, TrendPerYear: 0.004, Noise: 0.03,
                DenominatorPer100000: 70, DenominatorNoise: 0.1, Maximum: Percent),
            // People waiting in hospital for care to be arranged, per 100,000 residents, at the month's count.
            ["discharge-cohort-size"] = new(45, NeedEffect: 0.5, TrendPerYear: 0.01, Noise: 0.05, SeasonPeakMonth: 1, SeasonAmplitude: 0.1),
            // Delayed days a month per 100,000 residents, worst in winter.
            ["delayed-discharge-days"] = new(650, NeedEffect: 0.5, TrendPerYear: -0.03, Noise: 0.06,
                SeasonPeakMonth: 1, SeasonAmplitude: 0.15),
            ["good-level-of-development"] = new(67, NeedEffect: -0.35, TrendPerYear: 0.008, Noise: 0.015,
                DenominatorPer100000: 1_250, DenominatorNoise: 0.03, Maximum: Percent),
            // Young people whose activity is not known yet swell NEET figures each September.
            ["neet-16-17"] = new(5.2, NeedEffect: 1.2, TrendPerYear: -0.02, Noise: 0.06,
                SeasonPeakMonth: 9, SeasonAmplitude: 0.15, DenominatorPer100000: 2_400, DenominatorNoise: 0.01, Maximum: Percent),
            ["employment-gap-long-term-conditions"] = new(10.5, NeedEffect: 0.6, TrendPerYear: -0.02, Noise: 0.08, Decimals: 1),
            ["proven-reoffending"] = new(25, NeedEffect: 0.4, TrendPerYear: -0.01, Noise: 0.06,
                DenominatorPer100000: 90, DenominatorNoise: 0.1, Maximum: Percent),
            // Monthly incidents per 1,000 residents, highest in summer.
            ["antisocial-behaviour-incidents"] = new(1.5, NeedEffect: 1.0, TrendPerYear: -0.04, Noise: 0.06,
                SeasonPeakMonth: 7, SeasonAmplitude: 0.2, DenominatorPer100000: 100_000),
            ["homelessness-prevented"] = new(55, NeedEffect: -0.3, TrendPerYear: 0, Noise: 0.05,
                DenominatorPer100000: 110, DenominatorNoise: 0.1, Maximum: Percent),
            // Annual Population Survey respondents are a small sample, hence the spread.
            ["adult-smoking"] = new(12.5, NeedEffect: 1.0, TrendPerYear: -0.05, Noise: 0.08,
                DenominatorPer100000: 300, DenominatorNoise: 0.1, Maximum: Percent),
            ["residents-feel-involved"] = new(30, NeedEffect: -0.3, TrendPerYear: 0.01, Noise: 0.05,
                DenominatorPer100000: 200, DenominatorNoise: 0.1, Maximum: Percent),
            ["treated-with-dignity"] = new(88, NeedEffect: -0.1, TrendPerYear: 0.002, Noise: 0.02,
                DenominatorPer100000: 150, DenominatorNoise: 0.1, Maximum: Percent),
        };
}

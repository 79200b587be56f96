using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Seeding;

/// <summary>
/// Plausible returns for one indicator in one borough: a level set by the borough's need, a gentle trend, a season
/// where one is natural, noise, and now and then a sustained shift or a lone outlier, so that SPC charts have
/// special causes to find.
/// </summary>
public static class SyntheticReturns
{
    // Every series starts here, before any window the seed shows, and draws the same random numbers for every
    // period; so a period's value does not depend on the day the seed runs, only which periods are shown does (but for
    // the series a demo case counts, whose work began on a day reckoned from today: DemoCases).
    private static readonly DateOnly SeriesStart = new(2019, 1, 1);

    // Shifts start within these three years, so that they fall inside the history a page shows.
    private static readonly DateOnly ShiftsFrom = new(2023, 1, 1);
    private const int ShiftMonths = 36;
    private const double ShiftChance = 0.6;
    private const double OutlierChance = 0.015;

    public static IReadOnlyList<ReturnedValue> For(DemoBorough borough, IndicatorDefinition indicator, IndicatorProfile profile,
        IReadOnlyList<(string Agency, double Share)> returners, DateOnly showFrom, DateOnly today)
    {
        var random = StableRandom.For("synthetic", borough.PlaceCode, indicator.Code);
        var level = profile.Level * (1 + profile.NeedEffect * (borough.Need - 1)) * (1 + 0.05 * random.NextNormal());
        var trend = profile.TrendPerYear + 0.01 * random.NextNormal();
        var shiftAt = random.NextDouble() < ShiftChance ? ShiftsFrom.AddMonths(random.Next(ShiftMonths)) : DateOnly.MaxValue;
        var shift = (random.NextDouble() < 0.5 ? -1 : 1) * (2.5 + random.NextDouble()) * profile.Noise;
        var residents = borough.Population / 100_000.0;

        // A series a demo case counts shows two whole years before the work began, whatever the day of the seed, so that
        // its baseline is always fitted to the most history a baseline takes (BaselineForecast.MaximumHistory).
        var counted = DemoCases.Counts(borough, indicator);
        if (counted)
        {
            var fullBaseline = DemoDays.CommitmentsMade(today).AddMonths(-Grains.Statistics.Forecasting.BaselineForecast.MaximumHistory - 1);
            if (fullBaseline < showFrom) showFrom = fullBaseline;
        }
        var values = new List<ReturnedValue>();
        for (var period = Period.Containing(SeriesStart, indicator.Frequency); period.End <= today; period = period.Next())
        {
            var years = (period.Start.DayNumber - SeriesStart.DayNumber) / 365.25;
            // A series a demo case counts moves only by its trend and the work's effect (no season, no shift), so that the
            // case's story is the work's and not the calendar's: a straight-line baseline cannot tell a summer's dip.
            var expected = counted
                ? level * Math.Pow(1 + trend, years) * (1 - DemoCases.Effect(borough, period, today))
                : level * Math.Pow(1 + trend, years) * (1 + Season(period, profile)) * (period.Start >= shiftAt ? 1 + shift : 1);
            var z = random.NextNormal() + (random.NextDouble() < OutlierChance ? (random.NextDouble() < 0.5 ? -4 : 4) : 0);
            var value = Math.Clamp(expected * (1 + profile.Noise * z), 0, profile.Maximum);
            if (indicator.Unit == IndicatorUnit.Count) value *= residents;
            var denominator = profile.DenominatorPer100000 * residents * (1 + 0.005 * years) * (1 + profile.DenominatorNoise * random.NextNormal());
            // Draw each agency's own jitter every period, shown or not, so that the sequence stays aligned.
            var jitters = returners.Select(_ => 1 + 0.02 * random.NextNormal()).ToList();
            if (period.End <= showFrom) continue;

            for (var i = 0; i < returners.Count; i++)
                values.Add(Part(indicator, profile, period.ToString(), returners[i], value, denominator, jitters[i]));
        }
        return values;
    }

    /// <summary>One agency's part of the borough's figure: its share of the people counted, at its own rate.</summary>
    private static ReturnedValue Part(IndicatorDefinition indicator, IndicatorProfile profile, string period,
        (string Agency, double Share) returner, double value, double denominator, double jitter)
    {
        if (indicator.Multiplier is { } multiplier)
        {
            var partDenominator = Math.Max(1, Math.Round(returner.Share * denominator));
            var numerator = Math.Max(0, Math.Round(value * jitter / multiplier * partDenominator));
            // A percentage cannot count more people than were asked.
            if (indicator.Unit == IndicatorUnit.Percentage) numerator = Math.Min(numerator, partDenominator);
            return new ReturnedValue(period, returner.Agency, numerator, partDenominator, null);
        }
        var part = value * returner.Share;
        return new ReturnedValue(period, returner.Agency,
            indicator.Unit == IndicatorUnit.Count ? Math.Round(part) : Math.Round(part, profile.Decimals), null, null);
    }

    private static double Season(Period period, IndicatorProfile profile)
    {
        if (profile.SeasonAmplitude == 0 || period.Frequency is Frequency.Annual or Frequency.FinancialYear) return 0;
        // The middle month of the period: the month itself, or the second month of a quarter.
        var middle = period.Frequency == Frequency.Monthly ? period.Start.Month : period.Start.AddMonths(1).Month;
        return profile.SeasonAmplitude * Math.Cos(2 * Math.PI * (middle - profile.SeasonPeakMonth) / 12);
    }
}

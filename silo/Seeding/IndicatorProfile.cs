namespace Scrutiny.Silo.Seeding;

/// <summary>The shape of an indicator's synthetic series: level, how need moves it, trend, season and noise.</summary>
/// <param name="Level">England's typical value in the indicator's unit; for counts, per 100,000 residents.</param>
/// <param name="NeedEffect">A borough's level is multiplied by <c>1 + NeedEffect × (need − 1)</c>.</param>
/// <param name="TrendPerYear">Relative change a year; negative falls.</param>
/// <param name="Noise">Relative standard deviation of one period's value around its level.</param>
/// <param name="SeasonPeakMonth">Month of the seasonal peak (January for winter pressures).</param>
/// <param name="SeasonAmplitude">Relative rise at the peak, and fall six months later.</param>
/// <param name="DenominatorPer100000">For ratios: people counted in a period, per 100,000 residents.</param>
/// <param name="DenominatorNoise">Relative spread of the denominator (cohorts and survey samples vary; populations hardly).</param>
/// <param name="Maximum">The largest value the unit allows.</param>
/// <param name="Decimals">Decimal places a value without a denominator is returned to.</param>
public sealed record IndicatorProfile(
    double Level, double NeedEffect, double TrendPerYear, double Noise,
    int SeasonPeakMonth = 1, double SeasonAmplitude = 0,
    double DenominatorPer100000 = 0, double DenominatorNoise = 0,
    double Maximum = double.MaxValue, int Decimals = 0);

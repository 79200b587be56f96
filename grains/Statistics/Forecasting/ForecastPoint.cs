namespace Scrutiny.Grains.Statistics.Forecasting;

/// <summary>One projected point of a baseline forecast.</summary>
/// <param name="StepsAhead">Periods after the last observed one (1 = the next period).</param>
/// <param name="Value">The value on the fitted straight line.</param>
/// <param name="Lower">The lower limit of the 95% prediction interval.</param>
/// <param name="Upper">The upper limit of the 95% prediction interval.</param>
[GenerateSerializer, Immutable]
public sealed record ForecastPoint(int StepsAhead, double Value, double Lower, double Upper);

namespace Scrutiny.Grains.Statistics.Trends;

/// <summary>
/// The chi-square test for trend in proportions (Armitage P. Tests for linear trends in proportions and frequencies.
/// Biometrics 1955;11:375-386; Cochran WG 1954), with the periods' times as scores and no continuity correction: R's
/// <c>prop.trend.test</c>, and the formula Fingertips' trend marker calculator uses for proportions
/// (fingertips-open <c>TrendMarkerCalculator.IsSignificantForProportions</c>):
/// χ² = N (N Σrₜt − R Σnₜt)² / (R (N − R) (N Σnₜt² − (Σnₜt)²)), with rₜ events out of nₜ in period t, R = Σrₜ, N = Σnₜ.
/// </summary>
public static class ChiSquareForTrend
{
    /// <summary>The test of <paramref name="points"/> (time, events, trials); null when it is undefined: no events or
    /// no non-events at all (every proportion 0, or every one 1), or fewer than two distinct times.</summary>
    public static TrendTest? Of(ReadOnlySpan<(double Time, double Events, double Trials)> points)
    {
        double events = 0, trials = 0, eventsByTime = 0, trialsByTime = 0, trialsByTimeSquared = 0;
        foreach (var (t, r, n) in points)
        {
            events += r;
            trials += n;
            eventsByTime += r * t;
            trialsByTime += n * t;
            trialsByTimeSquared += n * t * t;
        }
        var departure = trials * eventsByTime - events * trialsByTime;
        var variance = events * (trials - events) * (trials * trialsByTimeSquared - trialsByTime * trialsByTime);
        if (!(variance > 0)) return null;
        return new TrendTest(trials * departure * departure / variance, Math.Sign(departure));
    }
}

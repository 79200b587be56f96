using Scrutiny.Grains.Statistics.Distributions;

namespace Scrutiny.Grains.Statistics.Forecasting;

/// <summary>
/// Results-Based Accountability's "baseline" (Friedman M. Trying Hard Is Not Good Enough, 2005): the history of an
/// indicator and where it is heading if nothing changes, "the forecast", against which the effect of action is judged.
/// The forecast here is the simplest honest one: an ordinary least-squares straight line through the recent history,
/// with a prediction interval that says how uncertain the projection is.
/// </summary>
public static class BaselineForecast
{
    /// <summary>Six points leave four degrees of freedom for the residual variance, where t(0.975) is 2.78; with
    /// five (t = 3.18) or fewer the interval is too wide to tell anyone anything. It is also one more than the five
    /// points of the recent trend (<see cref="Trends.RecentTrends.Periods"/>), so no baseline rests on less.</summary>
    public const int MinimumPoints = 6;

    /// <summary>Two years of monthly returns (six of quarterly ones). A straight line assumes one slope throughout;
    /// older points describe services, policies and recording practice that have since changed, and would pull the
    /// line away from the present.</summary>
    public const int MaximumHistory = 24;

    /// <summary>The two-sided coverage of the prediction interval: the 0.975 quantile of t bounds it.</summary>
    public const double PredictionQuantile = 0.975;

    // The quantile by degrees of freedom, found once: every series is forecast again on every change, and the search
    // for the quantile cost more than the rest of the forecast.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, double> PredictionT = new();

    /// <summary>
    /// The baseline of <paramref name="values"/> (oldest first; only the last <see cref="MaximumHistory"/> are used),
    /// projected <paramref name="horizon"/> steps ahead. With times x = 0 … n−1, fit ŷ = a + b x; the 95% prediction
    /// interval at x₀ is ŷ(x₀) ± t(0.975, n−2) · s · √(1 + 1/n + (x₀ − x̄)² / Sxx), s² = Σ residual² / (n − 2), which
    /// covers a new observation, not only the line (Draper NR, Smith H. Applied Regression Analysis, 3rd ed., 1998,
    /// §3.1). Empty with fewer than <see cref="MinimumPoints"/> values or a horizon below 1.
    /// </summary>
    public static IReadOnlyList<ForecastPoint> Of(IReadOnlyList<double> values, int horizon)
    {
        if (values.Count < MinimumPoints || horizon < 1) return [];
        var history = values.Skip(values.Count - Math.Min(values.Count, MaximumHistory)).ToList();
        var n = history.Count;

        var meanX = (n - 1) / 2.0;
        var meanY = history.Average();
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (i - meanX) * (i - meanX);
            sxy += (i - meanX) * (history[i] - meanY);
        }
        var slope = sxy / sxx;
        var intercept = meanY - slope * meanX;
        var residualSquares = Enumerable.Range(0, n).Sum(i => Math.Pow(history[i] - (intercept + slope * i), 2));
        var s = Math.Sqrt(residualSquares / (n - 2));
        var t = PredictionT.GetOrAdd(n - 2, df => StudentT.Quantile(PredictionQuantile, df));

        return [.. Enumerable.Range(1, horizon).Select(step =>
        {
            var x = n - 1 + step;
            var value = intercept + slope * x;
            var halfWidth = t * s * Math.Sqrt(1 + 1.0 / n + (x - meanX) * (x - meanX) / sxx);
            return new ForecastPoint(step, value, value - halfWidth, value + halfWidth);
        })];
    }
}

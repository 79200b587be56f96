using Scrutiny.Grains.Statistics.Forecasting;

namespace Scrutiny.Grains.Tests.Statistics.Forecasting;

public sealed class BaselineForecastTests
{
    [Fact]
    public void Projects_the_least_squares_line_with_a_t_prediction_interval()
    {
        // y = 1, 3, 2, 5, 4, 6 at x = 0…5: x̄ = 2.5, ȳ = 3.5, Sxx = 17.5, Sxy = 15.5, b = 15.5 / 17.5 = 0.885714,
        // a = 3.5 − 2.5b = 1.285714. Residuals −0.285714, 0.828571, −1.057143, 1.057143, −0.828571, 0.285714:
        // SSE = 3.771429, s = √(3.771429 / 4) = 0.971008; t(0.975, 4) = 2.776445.
        // One step ahead, x₀ = 6: ŷ = 1.285714 + 6b = 6.6; half-width = 2.776445 × 0.971008 × √(1 + 1/6 + 3.5²/17.5)
        // = 2.695950 × √1.866667 = 3.683371 → 2.916629 … 10.283371.
        var forecast = BaselineForecast.Of([1, 3, 2, 5, 4, 6], 2);
        Assert.Equal(2, forecast.Count);
        Assert.Equal(1, forecast[0].StepsAhead);
        Assert.Equal(6.6, forecast[0].Value, 9);
        Assert.Equal(2.9166293340160374, forecast[0].Lower, 8);
        Assert.Equal(10.283370665983963, forecast[0].Upper, 8);
        // Two steps ahead, x₀ = 7: ŷ = 7.485714, and the interval widens (4.5²/17.5 in place of 3.5²/17.5).
        Assert.Equal(7.4857142857142856, forecast[1].Value, 9);
        Assert.Equal(3.3759936356792393, forecast[1].Lower, 8);
        Assert.Equal(11.595434935749331, forecast[1].Upper, 8);
    }

    [Fact]
    public void A_perfect_line_is_projected_without_uncertainty()
    {
        var forecast = BaselineForecast.Of([2, 4, 6, 8, 10, 12], 3);
        Assert.Equal([14.0, 16.0, 18.0], forecast.Select(p => Math.Round(p.Value, 9)));
        Assert.All(forecast, p => Assert.Equal(p.Value, p.Lower, 9));
        Assert.All(forecast, p => Assert.Equal(p.Value, p.Upper, 9));
    }

    [Fact]
    public void Only_the_most_recent_history_is_fitted()
    {
        // Thirty points: six old ones far off the line, then 24 on y = x. The old ones are dropped.
        double[] values = [.. Enumerable.Repeat(1000.0, 6), .. Enumerable.Range(0, BaselineForecast.MaximumHistory).Select(i => (double)i)];
        var forecast = BaselineForecast.Of(values, 1);
        Assert.Equal(BaselineForecast.MaximumHistory, forecast[0].Value, 9);
    }

    [Fact]
    public void Too_little_history_or_no_horizon_gives_nothing()
    {
        Assert.Empty(BaselineForecast.Of([1, 2, 3, 4, 5], 3));
        Assert.Empty(BaselineForecast.Of([1, 2, 3, 4, 5, 6], 0));
        Assert.Empty(BaselineForecast.Of([], 1));
        Assert.Equal(6, BaselineForecast.MinimumPoints);
    }

    [Fact]
    public void The_interval_is_symmetric_and_widens_with_distance()
    {
        var forecast = BaselineForecast.Of([5, 7, 6, 9, 8, 8, 11, 10], 6);
        Assert.All(forecast, p => Assert.Equal(p.Value - p.Lower, p.Upper - p.Value, 9));
        var widths = forecast.Select(p => p.Upper - p.Lower).ToList();
        Assert.True(widths.Zip(widths.Skip(1)).All(w => w.Second > w.First));
    }
}

using Scrutiny.Grains.Statistics.ConfidenceIntervals;
using Scrutiny.Grains.Statistics.Distributions;

namespace Scrutiny.Grains.Tests.Statistics.Distributions;

public sealed class SpecialFunctionsTests
{
    [Theory]
    // erfc to 17 significant figures, as Python's math.erfc (correctly rounded to double) prints them.
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.0, 0.004677734981047265)]
    [InlineData(3.0, 2.2090496998585438e-05)]
    [InlineData(-1.0, 1.842700792949715)]
    public void Erfc_matches_published_values(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.Erfc(x), expected * 1e-13);

    [Theory]
    [InlineData(0.5, 0.5723649429247001)]   // ln √π
    [InlineData(10.0, 12.801827480081469)]  // ln 9! = ln 362,880
    [InlineData(0.1, 2.252712651734206)]
    [InlineData(100.5, 361.4355404677776)]
    public void Log_gamma_matches_published_values(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), Math.Abs(expected) * 1e-13);

    [Theory]
    // Critical values of χ²(1): qchisq(0.95, 1) = 3.841458820694124 and qchisq(0.998, 1) = Z998².
    [InlineData(3.841458820694124, 0.05)]
    [InlineData(ConfidenceLevel.Z998 * ConfidenceLevel.Z998, 0.002)]
    [InlineData(0.0, 1.0)]
    public void Chi_square_tail_matches_its_critical_values(double statistic, double p) =>
        Assert.Equal(p, ChiSquare.UpperTailOneDegree(statistic), 1e-12);

    [Theory]
    // Student's t quantiles from R (qt) and standard tables.
    [InlineData(0.975, 4, 2.776445105)]
    [InlineData(0.975, 10, 2.228138852)]
    [InlineData(0.975, 22, 2.073873068)]
    [InlineData(0.975, 1, 12.70620474)]
    [InlineData(0.95, 2, 2.919985580)]
    [InlineData(0.995, 30, 2.749995654)]
    public void T_quantiles_match_the_tables(double p, int degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, StudentT.Quantile(p, degreesOfFreedom), 1e-8);
        Assert.Equal(-expected, StudentT.Quantile(1 - p, degreesOfFreedom), 1e-8);
        Assert.Equal(p, StudentT.Cdf(expected, degreesOfFreedom), 1e-9);
    }

    [Fact]
    public void The_t_median_is_zero_and_large_samples_approach_the_normal()
    {
        Assert.Equal(0, StudentT.Quantile(0.5, 7));
        Assert.Equal(ConfidenceLevel.Z95, StudentT.Quantile(0.975, 1e7), 1e-6);
    }
}

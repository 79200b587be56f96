using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Returns;

namespace Scrutiny.Silo.Tests.Returns;

public sealed class ValueRulesTests
{
    private static string Check(IndicatorUnit unit, double? numerator, double? denominator)
    {
        var indicator = new IndicatorDefinition("x", "X", "t", unit, Polarity.NoJudgement, Frequency.Monthly, CombineMethod.Sum);
        var problems = new List<string>();
        ValueRules.Check(indicator, numerator, denominator, (field, code, _) => problems.Add($"{field}:{code}"));
        return string.Join(",", problems);
    }

    [Theory]
    [InlineData(IndicatorUnit.Count, 12.0, null, "")]
    [InlineData(IndicatorUnit.Count, 12.5, null, "numerator:not_whole")]
    [InlineData(IndicatorUnit.Count, -1.0, null, "numerator:not_whole")]
    [InlineData(IndicatorUnit.Count, 3.0, 10.0, "denominator:not_allowed")]
    [InlineData(IndicatorUnit.Percentage, 5.0, 10.0, "")]
    [InlineData(IndicatorUnit.Percentage, 11.0, 10.0, "numerator:exceeds_denominator")]
    [InlineData(IndicatorUnit.Percentage, 5.0, null, "denominator:required")]
    [InlineData(IndicatorUnit.RatePer1000, 50.0, 10.0, "")]
    [InlineData(IndicatorUnit.RatePer100000, 5.0, 0.0, "denominator:not_positive")]
    [InlineData(IndicatorUnit.RatePer100000, -5.0, 10.0, "numerator:negative")]
    [InlineData(IndicatorUnit.PercentagePoints, -3.2, null, "")]
    [InlineData(IndicatorUnit.Value, double.NaN, null, "numerator:not_finite")]
    [InlineData(IndicatorUnit.Value, null, null, "numerator:required")]
    [InlineData(IndicatorUnit.Percentage, 1.0, double.PositiveInfinity, "denominator:not_finite")]
    public void Values_are_checked_by_unit(IndicatorUnit unit, double? numerator, double? denominator, string expected) =>
        Assert.Equal(expected, Check(unit, numerator, denominator));
}

using Scrutiny.Dashboard.Presentation;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Dashboard.Tests;

public sealed class ValueFormatTests
{
    [Theory]
    [InlineData(IndicatorUnit.Count, 1234567.0, "1,234,567")]
    [InlineData(IndicatorUnit.Percentage, 80.54, "80.5%")]
    [InlineData(IndicatorUnit.RatePer1000, 12.3456, "12.3 per 1,000")]
    [InlineData(IndicatorUnit.RatePer100000, 1675.409, "1,675.4 per 100,000")]
    [InlineData(IndicatorUnit.PercentagePoints, -3.21, "-3.2 percentage points")]
    [InlineData(IndicatorUnit.Value, 2.0, "2.0")]
    public void Values_show_with_separators_decimals_and_unit(IndicatorUnit unit, double value, string expected) =>
        Assert.Equal(expected, ValueFormat.For(unit).Format(value));

    [Fact]
    public void A_value_that_cannot_be_made_says_so() =>
        Assert.Equal(ValueFormat.NotAvailable, ValueFormat.For(IndicatorUnit.Percentage).Format(null));
}

using Scrutiny.Dashboard.Presentation;

namespace Scrutiny.Dashboard.Tests.Admin;

public sealed class TypedNumbersTests
{
    [Theory]
    [InlineData("2150.50", "2150.50")]
    [InlineData(" £2,150.5 ", "2150.5")]
    [InlineData("£1,000,000", "1000000")]
    [InlineData("-5", "-5")]
    [InlineData("2,15", null)]
    [InlineData("21,50.00", null)]
    [InlineData("1e3", null)]
    [InlineData("lots", null)]
    public void Pounds_are_read_with_the_pound_sign_and_commas_only_between_thousands(string typed, string? expected) =>
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TypedNumbers.Pounds(typed));

    [Theory]
    [InlineData("3.5%", "3.5")]
    [InlineData("40", "40")]
    [InlineData("ten", null)]
    public void Per_cent_is_read_with_or_without_the_sign(string typed, string? expected) =>
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TypedNumbers.Percent(typed));
}

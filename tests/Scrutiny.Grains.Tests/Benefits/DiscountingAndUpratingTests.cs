using Scrutiny.Grains.Benefits;

namespace Scrutiny.Grains.Tests.Benefits;

public sealed class DiscountingAndUpratingTests
{
    [Fact]
    public void The_first_year_is_undiscounted_and_each_later_one_divides_by_one_plus_the_rate_again()
    {
        Assert.Equal(1m, Discounting.Factor(Discounting.GreenBookRate, 0));
        Assert.Equal(1m / 1.035m, Discounting.Factor(0.035m, 1));
        Assert.Equal(1m / 1.071225m, Discounting.Factor(0.035m, 2));
        Assert.Equal(1m, Discounting.Factor(0m, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => Discounting.Factor(0.035m, -1));
    }

    [Fact]
    public void A_price_is_restated_by_the_ratio_of_the_two_years_index_and_never_by_a_guess()
    {
        var deflator = new Uprating(new Dictionary<string, decimal> { ["2019/20"] = 90m, ["2024/25"] = 108m });

        // £100 at 2019/20 prices is £100 × 108 / 90 = £120 at 2024/25 prices, and back again.
        Assert.Equal(12_000m, deflator.ToPriceYear(10_000m, "2019/20", "2024/25"));
        Assert.Equal(10_000m, deflator.ToPriceYear(12_000m, "2024/25", "2019/20"));
        Assert.Equal(10_000m, deflator.ToPriceYear(10_000m, "2031/32", "2031/32"));
        Assert.Null(deflator.ToPriceYear(10_000m, "2018/19", "2024/25"));
    }
}

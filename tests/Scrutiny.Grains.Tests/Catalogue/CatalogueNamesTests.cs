using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Tests.Catalogue;

public sealed class CatalogueNamesTests
{
    [Theory]
    [InlineData("rate_per_100000", IndicatorUnit.RatePer100000)]
    [InlineData("rate_per_1000", IndicatorUnit.RatePer1000)]
    [InlineData("percentage_points", IndicatorUnit.PercentagePoints)]
    [InlineData("count", IndicatorUnit.Count)]
    public void Units_read_and_write_as_the_catalogue_spells_them(string name, IndicatorUnit unit)
    {
        Assert.Equal(unit, CatalogueNames.Parse<IndicatorUnit>(name));
        Assert.Equal(name, CatalogueNames.Name(unit));
    }

    [Theory]
    [InlineData("RatePer1000")]
    [InlineData("rate per 1000")]
    [InlineData("3")]
    [InlineData("")]
    public void Other_spellings_are_refused(string name) => Assert.False(CatalogueNames.TryParse<IndicatorUnit>(name, out _));

    [Fact]
    public void Every_catalogue_file_value_is_known()
    {
        Assert.Equal(["sum", "sum_numerators_and_denominators", "single_source"], CatalogueNames.Names<CombineMethod>());
        Assert.Equal(["monthly", "quarterly", "annual", "financial_year", "financial_quarter"], CatalogueNames.Names<Frequency>());
    }
}

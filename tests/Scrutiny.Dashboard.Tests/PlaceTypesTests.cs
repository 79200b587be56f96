using Scrutiny.Dashboard.Presentation;

namespace Scrutiny.Dashboard.Tests;

public sealed class PlaceTypesTests
{
    [Fact]
    public void Wider_areas_come_first_and_unknown_types_last()
    {
        string[] types = ["ward", "mystery_area", "metropolitan_borough", "country", "combined_authority"];

        var ordered = types.OrderBy(PlaceTypes.Order).ThenBy(t => t, StringComparer.Ordinal);

        Assert.Equal(["country", "combined_authority", "metropolitan_borough", "ward", "mystery_area"], ordered);
    }

    [Theory]
    [InlineData("unitary_authority", "Unitary authorities")]
    [InlineData("ward", "Wards")]
    [InlineData("mystery_area", "Mystery area")]
    public void Groups_have_plural_headings_where_known(string type, string heading) =>
        Assert.Equal(heading, PlaceTypes.Heading(type));
}

using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Spc;

namespace Scrutiny.Grains.Tests.Statistics.Spc;

/// <summary>Every case of the NHSRplotthedots 0.2.2 fixtures, point by point and icon by icon.</summary>
public sealed class XmrChartFixtureTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> CaseNames => [.. SpcFixtures.Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Every_point_matches_the_fixture(string name)
    {
        var @case = SpcFixtures.Cases.Single(c => c.Name == name);
        var expected = SpcFixtures.PointsOf(name);
        var chart = XmrChart.Of([.. expected.Select(p => p.Value)], SpcFixtures.OptionsOf(@case));

        Assert.Equal(expected.Count, chart.Points.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (want, got) = (expected[i], chart.Points[i]);
            var at = $"{name} point {want.Point}";
            AssertClose(want.Mean, got.Mean, at + " mean");
            AssertClose(want.Lower, got.LowerProcessLimit, at + " lower_process_limit");
            AssertClose(want.Upper, got.UpperProcessLimit, at + " upper_process_limit");
            Assert.True(want.SpecialCause == CatalogueNames.Name(got.SpecialCause),
                $"{at}: special_cause {CatalogueNames.Name(got.SpecialCause)}, expected {want.SpecialCause}");
            Assert.True(want.PointType == CatalogueNames.Name(got.PointType),
                $"{at}: point_type {CatalogueNames.Name(got.PointType)}, expected {want.PointType}");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_icons_match_the_fixture(string name)
    {
        var @case = SpcFixtures.Cases.Single(c => c.Name == name);
        var chart = XmrChart.Of([.. SpcFixtures.PointsOf(name).Select(p => p.Value)], SpcFixtures.OptionsOf(@case));
        var expected = SpcFixtures.IconsOf(name);

        Assert.Equal(expected.VariationIcon, chart.VariationIcon is { } v ? CatalogueNames.Name(v) : "");
        Assert.Equal(expected.AssuranceIcon, chart.AssuranceIcon is { } a ? CatalogueNames.Name(a) : "");
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance, $"{what}: {actual:R}, expected {expected:R}");
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scrutiny.Grains.Tests.Statistics.Spc;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Api;
using static Scrutiny.Silo.Tests.Statistics.SpcCaseUnderTest;

namespace Scrutiny.Silo.Tests.Statistics;

/// <summary>
/// The statistics end to end: fixture cases posted as returns come back through the series API (and its CSV) with
/// the fixtures' means, limits, special causes, point types and icons, and the interval fixtures' limits.
/// </summary>
public sealed class SeriesStatisticsApiTests
{
    private const double Tolerance = 1e-9;

    /// <summary>Every case a place can reproduce on SQLite; one of them on PostgreSQL too.</summary>
    public static TheoryData<StoreEngine, string> Cases()
    {
        var data = new TheoryData<StoreEngine, string>();
        foreach (var c in SettableCases) data.Add(StoreEngine.Sqlite, c.Name);
        data.Add(StoreEngine.Postgres, "A_INC");
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task A_fixture_case_posted_as_returns_reads_back_with_the_fixtures_results(StoreEngine engine, string name)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        var c = SpcFixtures.Cases.Single(x => x.Name == name);
        await PostAsync(api, c);

        var response = await api.GetAsync($"/api/v1/places/{Manchester}/indicators/{IndicatorFor(c)}/series", api.AgencyKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var series = await response.Content.ReadFromJsonAsync<JsonElement>();
        var points = series.GetProperty("points").EnumerateArray().ToList();
        var expected = SpcFixtures.PointsOf(name);
        Assert.Equal(expected.Count, points.Count);
        foreach (var (e, p) in expected.Zip(points))
        {
            Assert.Equal(PeriodOf(e.Point), p.GetProperty("period").GetString());
            Assert.Equal(e.Value, p.GetProperty("value").GetDouble(), Tolerance);
            Assert.Equal(e.Mean, p.GetProperty("mean").GetDouble(), Tolerance);
            Assert.Equal(e.Lower, p.GetProperty("lowerProcessLimit").GetDouble(), Tolerance);
            Assert.Equal(e.Upper, p.GetProperty("upperProcessLimit").GetDouble(), Tolerance);
            Assert.Equal((e.SpecialCause, e.PointType), (Text(p, "specialCause"), Text(p, "pointType")));
            // A value has no interval: the unit says nothing of how it was counted.
            Assert.Equal(JsonValueKind.Null, p.GetProperty("lower95").ValueKind);
            Assert.Equal(JsonValueKind.Null, p.GetProperty("upper95").ValueKind);
        }
        var icons = SpcFixtures.IconsOf(name);
        Assert.Equal(icons.VariationIcon, Text(series, "variationIcon"));
        Assert.Equal(icons.AssuranceIcon == "" ? null : icons.AssuranceIcon, Text(series, "assuranceIcon"));
        Assert.Equal(c.Target, series.GetProperty("target").ValueKind == JsonValueKind.Null ? null : series.GetProperty("target").GetDouble());
    }

    [Fact]
    public async Task The_series_csv_carries_the_same_flags_and_icons_as_the_json()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        var c = SpcFixtures.Cases.Single(x => x.Name == "B_DEC");
        await PostAsync(api, c);
        var path = $"/api/v1/places/{Manchester}/indicators/{IndicatorFor(c)}/series";

        var json = await (await api.GetAsync(path, api.AgencyKey)).Content.ReadFromJsonAsync<JsonElement>();
        var csv = await (await api.GetAsync(path + "?format=csv", api.AgencyKey)).Content.ReadAsStringAsync();

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(x => x.First, x => x.Second)).ToList();
        var points = json.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(points.Count, rows.Count);
        foreach (var (p, row) in points.Zip(rows))
        {
            Assert.Equal(p.GetProperty("period").GetString(), row["period"]);
            Assert.Equal(Text(p, "specialCause"), row["special_cause"]);
            Assert.Equal(Text(p, "pointType"), row["point_type"]);
            Assert.Equal(p.GetProperty("mean").GetDouble(), double.Parse(row["mean"], CultureInfo.InvariantCulture));
            Assert.Equal(p.GetProperty("upperProcessLimit").GetDouble(), double.Parse(row["upper_process_limit"], CultureInfo.InvariantCulture));
            Assert.Equal(Text(json, "variationIcon"), row["variation_icon"]);
            Assert.Equal(Text(json, "assuranceIcon"), row["assurance_icon"]);
            Assert.Equal(json.GetProperty("recentTrend").GetProperty("trend").GetString(), row["recent_trend"]);
        }
        Assert.Contains(rows, r => r["point_type"] == "special_cause_improvement");
    }

    [Theory]
    [InlineData(65, 100, 0.5525444329688797, 0.7363575175690247, 0.49549465740704474, 0.7783540614089685)]
    [InlineData(1045, 5000, 0.19795549880013297, 0.22049130373189027, 0.19179381799015258, 0.22731562902525795)]
    public async Task A_percentage_carries_the_wilson_intervals_of_the_fixtures(double numerator, double denominator,
        double lower95, double upper95, double lower998, double upper998)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        await api.SubmitAsync(new { place = Manchester, indicator = "still-at-home-91-days", period = "2026-Q1", numerator, denominator });

        var point = await PointAsync(api, "still-at-home-91-days");

        // The fixtures give proportions; a percentage is 100 times them.
        Assert.Equal(100 * lower95, point.GetProperty("lower95").GetDouble(), Tolerance);
        Assert.Equal(100 * upper95, point.GetProperty("upper95").GetDouble(), Tolerance);
        Assert.Equal(100 * lower998, point.GetProperty("lower998").GetDouble(), Tolerance);
        Assert.Equal(100 * upper998, point.GetProperty("upper998").GetDouble(), Tolerance);
    }

    [Theory]
    [InlineData(65, 50.16318771045943, 82.84913854593984, 42.8802614714802, 94.000290844318)]
    [InlineData(1045, 982.5932018073325, 1110.33121298565, 947.9407035610374, 1148.806160988033)]
    public async Task A_rate_and_a_count_carry_the_byars_intervals_of_the_fixtures(double count,
        double lower95, double upper95, double lower998, double upper998)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        // Per 100,000 of a denominator of 100,000, the rate's interval is the count's.
        await api.SubmitAsync(
            new { place = Manchester, indicator = "emergency-admissions-65plus", period = "2026-01", numerator = count, denominator = 100_000 },
            new { place = Manchester, indicator = "delayed-discharge-days", period = "2026-01", numerator = count, denominator = (double?)null });

        foreach (var indicator in new[] { "emergency-admissions-65plus", "delayed-discharge-days" })
        {
            var point = await PointAsync(api, indicator);
            Assert.Equal(lower95, point.GetProperty("lower95").GetDouble(), Tolerance);
            Assert.Equal(upper95, point.GetProperty("upper95").GetDouble(), Tolerance);
            Assert.Equal(lower998, point.GetProperty("lower998").GetDouble(), Tolerance);
            Assert.Equal(upper998, point.GetProperty("upper998").GetDouble(), Tolerance);
        }
    }

    private static async Task<JsonElement> PointAsync(CatalogueApiUnderTest api, string indicator)
    {
        var series = await (await api.GetAsync($"/api/v1/places/{Manchester}/indicators/{indicator}/series", api.AgencyKey))
            .Content.ReadFromJsonAsync<JsonElement>();
        return series.GetProperty("points").EnumerateArray().Single();
    }
}

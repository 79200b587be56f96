using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Api;

/// <summary>The reads any API key may make: places, indicators, a place's latest values, series and revisions.</summary>
public sealed class ReadApiTests
{
    private const string Manchester = "E08000003";
    private const string Admissions = "emergency-admissions-65plus";

    private static object Row(string period, double numerator, double? denominator = 61000, string? note = null,
        string indicator = Admissions) => new { place = Manchester, indicator, period, numerator, denominator, note };

    [Theory, ClassData(typeof(Engines))]
    public async Task Places_and_indicators_are_listed_for_an_agency_key_and_an_administrator_key(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);

        foreach (var key in new[] { api.AgencyKey, api.AdminKey })
        {
            var places = await (await api.GetAsync("/api/v1/places", key)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(places.EnumerateArray(), p => p.GetProperty("code").GetString() == Manchester
                && p.GetProperty("name").GetString() == "Manchester" && p.GetProperty("parentCode").GetString() == "E47000001");
            var indicators = await api.GetAsync("/api/v1/indicators", key);
            Assert.Equal(HttpStatusCode.OK, indicators.StatusCode);
            var admissions = (await indicators.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
                .Single(i => i.GetProperty("code").GetString() == Admissions);
            Assert.Equal(("rate_per_100000", "lower_is_better", "monthly", "sum_numerators_and_denominators", 30, JsonValueKind.Null, JsonValueKind.Null),
                (admissions.GetProperty("unit").GetString(), admissions.GetProperty("polarity").GetString(),
                 admissions.GetProperty("frequency").GetString(), admissions.GetProperty("combine").GetString(),
                 admissions.GetProperty("dueDays").GetInt32(), admissions.GetProperty("lockDays").ValueKind, admissions.GetProperty("target").ValueKind));
        }
        // Published data needs no key; a key presented and refused is still refused, not read as no key.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/places", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/indicators", "scr_nope_nope")).StatusCode);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_places_indicators_carry_their_latest_value_and_an_unknown_place_is_404(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        await api.SubmitAsync(Row("2026-01", 400), Row("2026-02", 412));

        var response = await api.GetAsync($"/api/v1/places/{Manchester}/indicators", api.AgencyKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        var admissions = items.Single(i => i.GetProperty("indicator").GetProperty("code").GetString() == Admissions);
        Assert.Equal("2026-02", admissions.GetProperty("latest").GetProperty("period").GetString());
        Assert.Equal(100_000 * 412 / 61000.0, admissions.GetProperty("latest").GetProperty("value").GetDouble(), 9);
        Assert.All(items.Where(i => i.GetProperty("indicator").GetProperty("code").GetString() != Admissions),
            i => Assert.Equal(JsonValueKind.Null, i.GetProperty("latest").ValueKind));

        var unknown = await api.GetAsync("/api/v1/places/E99999999/indicators", api.AgencyKey);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_series_has_one_point_per_period_in_order_with_each_agencys_contribution(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        await api.SubmitAsync(Row("2026-02", 412), Row("2026-01", 400, note: "first"));
        await api.SubmitAsync(Row("2026-01", 401, note: "corrected"));

        var response = await api.GetAsync($"/api/v1/places/{Manchester}/indicators/{Admissions}/series", api.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var series = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((Manchester, Admissions, "rate_per_100000", "lower_is_better"),
            (series.GetProperty("place").GetString(), series.GetProperty("indicator").GetString(),
             series.GetProperty("unit").GetString(), series.GetProperty("polarity").GetString()));
        var points = series.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["2026-01", "2026-02"], points.Select(p => p.GetProperty("period").GetString()));
        Assert.Equal(401, points[0].GetProperty("numerator").GetDouble());
        Assert.Equal(61000, points[0].GetProperty("denominator").GetDouble());
        var contribution = Assert.Single(points[0].GetProperty("contributions").EnumerateArray());
        Assert.Equal(("MFT", 401.0, 2, "corrected"),
            (contribution.GetProperty("agency").GetString(), contribution.GetProperty("numerator").GetDouble(),
             contribution.GetProperty("revision").GetInt32(), contribution.GetProperty("note").GetString()));
        Assert.True(contribution.TryGetProperty("submittedAt", out _));

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/places/E99999999/indicators/{Admissions}/series", api.AgencyKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/places/{Manchester}/indicators/no-such/series", api.AgencyKey)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"/api/v1/places/{Manchester}/indicators/{Admissions}/series?format=xls", api.AgencyKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/places/{Manchester}/indicators/{Admissions}/series", null)).StatusCode);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Csv_exports_neutralise_a_formula_in_a_note_and_keep_negative_numbers_numeric(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        const string gap = "attainment-gap";
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/indicators", api.AdminKey, new
        {
            code = gap, title = "Attainment gap, disadvantaged pupils", theme = "education", unit = "percentage_points",
            polarity = "lower_is_better", frequency = "monthly", combine = "sum",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/v1/agencies/MFT", api.AdminKey, new
        {
            code = "MFT", name = "Manchester University NHS Foundation Trust", sector = "health", places = new[] { Manchester },
            indicators = new[] { gap },
        })).StatusCode);
        const string formula = "=HYPERLINK(\"http://x\",\"y\")";
        await api.SubmitAsync(Row("2026-01", -3.2, denominator: null, note: formula, indicator: gap));

        var series = await api.GetAsync($"/api/v1/places/{Manchester}/indicators/{gap}/series?format=csv", api.AgencyKey);
        var revisions = await api.GetAsync($"/api/v1/places/{Manchester}/indicators/{gap}/revisions?format=csv", api.AgencyKey);

        Assert.Equal(HttpStatusCode.OK, series.StatusCode);
        Assert.Equal("text/csv", series.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{Manchester}_{gap}_series.csv", series.Content.Headers.ContentDisposition?.FileNameStar ?? series.Content.Headers.ContentDisposition?.FileName);
        var seriesLines = (await series.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("place,indicator,title,unit,polarity,frequency,method,period,value,numerator,denominator," +
            "mean,lower_process_limit,upper_process_limit,special_cause,point_type,lower_95,upper_95,lower_99_8,upper_99_8," +
            "variation_icon,assurance_icon,target,recent_trend," +
            "source,source_numerator,source_denominator,source_revision,source_submitted_at,source_note", seriesLines[0]);
        Assert.StartsWith($"{Manchester},{gap},\"Attainment gap, disadvantaged pupils\",percentage_points,lower_is_better,monthly,sum,2026-01,-3.2,-3.2,,-3.2,", seriesLines[1]);
        Assert.Contains(",cannot_be_calculated,MFT,-3.2,,1,", seriesLines[1]);
        Assert.EndsWith(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", seriesLines[1]);
        Assert.Equal(2, seriesLines.Length);

        var revisionLines = (await revisions.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("place,indicator,title,unit,polarity,frequency,method,period,source,revision,numerator,denominator,note,batch_id,submitted_by,submitted_at",
            revisionLines[0]);
        Assert.Contains(",2026-01,MFT,1,-3.2,,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", revisionLines[1]);

        // JSON keeps the note as it was typed: neutralising is for spreadsheets only.
        var json = await (await api.GetAsync($"/api/v1/places/{Manchester}/indicators/{gap}/series", api.AgencyKey)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(formula, json.GetProperty("points")[0].GetProperty("contributions")[0].GetProperty("note").GetString());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Revisions_list_every_value_ever_accepted_with_who_when_note_and_batch(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        await api.SubmitAsync(Row("2026-02", 412), Row("2026-01", 400, note: "first"));
        await api.SubmitAsync(Row("2026-01", 401, note: "corrected"), Row("2026-02", 412));

        var response = await api.GetAsync($"/api/v1/places/{Manchester}/indicators/{Admissions}/revisions", api.AgencyKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var revisions = body.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal([("2026-01", 1, 400.0, "first"), ("2026-01", 2, 401.0, "corrected"), ("2026-02", 1, 412.0, null)],
            revisions.Select(r => (r.GetProperty("period").GetString(), r.GetProperty("revision").GetInt32(),
                r.GetProperty("numerator").GetDouble(), r.GetProperty("note").GetString())));
        Assert.All(revisions, r =>
        {
            Assert.Equal("MFT", r.GetProperty("agency").GetString());
            Assert.StartsWith("api-key:", r.GetProperty("submittedBy").GetString());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("batchId").GetString()));
        });
        Assert.NotEqual(revisions[0].GetProperty("batchId").GetString(), revisions[1].GetProperty("batchId").GetString());
        Assert.True(revisions[0].GetProperty("submittedAt").GetDateTimeOffset() <= revisions[1].GetProperty("submittedAt").GetDateTimeOffset());

        var onePeriod = await (await api.GetAsync($"/api/v1/places/{Manchester}/indicators/{Admissions}/revisions?period=2026-02", api.AgencyKey))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Single(onePeriod.GetProperty("revisions").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/places/{Manchester}/indicators/no-such/revisions", api.AgencyKey)).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Api;

/// <summary>Administrators define indicators one at a time (JSON) or from a catalogue CSV.</summary>
public sealed class IndicatorsApiTests
{
    private static object Definition(string code, string unit = "count", string combine = "sum", int? dueDays = null, int? lockDays = null,
        double? target = null, string frequency = "monthly") => new
    {
        code, title = "Fly-tipping incidents cleared", theme = "environment", unit, polarity = "lower_is_better", frequency, combine,
        dueDays, lockDays, target,
    };

    private static async Task<JsonElement> IndicatorAsync(CatalogueApiUnderTest api, string code) =>
        await (await api.GetAsync($"/api/v1/indicators/{code}", api.AgencyKey)).Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<List<(int? Row, string? Field, string? Code)>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.TryGetProperty("row", out var row) ? row.GetInt32() : (int?)null, e.GetProperty("field").GetString(), e.GetProperty("code").GetString()))];
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task An_indicator_is_created_once_then_replaced_by_put_with_its_schedule_and_target(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);

        var created = await api.PostAsync("/api/v1/indicators", api.AdminKey, Definition("fly-tipping", lockDays: 60));
        var again = await api.PostAsync("/api/v1/indicators", api.AdminKey, Definition("fly-tipping"));
        var replaced = await api.PutAsync("/api/v1/indicators/fly-tipping", api.AdminKey, Definition("fly-tipping", dueDays: 14, target: 120.5));
        var putNew = await api.PutAsync("/api/v1/indicators/graffiti", api.AdminKey, Definition("graffiti"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/indicators/fly-tipping", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.Created, putNew.StatusCode);
        var flyTipping = await IndicatorAsync(api, "fly-tipping");
        Assert.Equal((14, JsonValueKind.Null, 120.5, "count"), (flyTipping.GetProperty("dueDays").GetInt32(), flyTipping.GetProperty("lockDays").ValueKind,
            flyTipping.GetProperty("target").GetDouble(), flyTipping.GetProperty("unit").GetString()));
        Assert.Equal(30, (await IndicatorAsync(api, "graffiti")).GetProperty("dueDays").GetInt32());
        Assert.Equal(3, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action IN ('indicator_created', 'indicator_updated')"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/indicators/no-such", api.AgencyKey)).StatusCode);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_definition_with_problems_lists_every_one_and_writes_nothing(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);

        var post = await api.PostAsync("/api/v1/indicators", api.AdminKey, new
        {
            code = "Fly Tipping", title = "", theme = "environment", unit = "percent", polarity = "higher-is-better", frequency = "weekly",
            dueDays = -1, lockDays = 9999,
        });
        var put = await api.PutAsync("/api/v1/indicators/delayed-discharge-days", api.AdminKey, Definition("something-else", unit: "rate_per_100"));

        Assert.Equal([(null, "code", "invalid_code"), (null, "title", "required"), (null, "unit", "not_one_of"), (null, "polarity", "not_one_of"),
            (null, "frequency", "not_one_of"), (null, "combine", "required"), (null, "dueDays", "out_of_range"), (null, "lockDays", "out_of_range")],
            await ErrorsAsync(post));
        Assert.Equal([(null, "code", "mismatch"), (null, "unit", "not_one_of")], await ErrorsAsync(put));
        Assert.Equal(3, await api.CountAsync("SELECT COUNT(*) FROM indicators"));
        Assert.Equal("Days people spent in hospital after they were ready to leave",
            (await IndicatorAsync(api, "delayed-discharge-days")).GetProperty("title").GetString());
        Assert.Equal(0, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'api_key%'"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Only_administrators_define_indicators(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/api/v1/indicators", api.AgencyKey, Definition("fly-tipping"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync("/api/v1/indicators", null, Definition("fly-tipping"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync("/api/v1/indicators/fly-tipping", api.AgencyKey, Definition("fly-tipping"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostCsvAsync("/api/v1/indicators/import", api.AgencyKey, "code\n")).StatusCode);
        Assert.Equal(3, await api.CountAsync("SELECT COUNT(*) FROM indicators"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Changes_that_would_misread_existing_returns_or_break_single_source_are_refused(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        await api.SubmitAsync(new { place = "E08000003", indicator = "delayed-discharge-days", period = "2026-01", numerator = 40 });

        var unit = await api.PutAsync("/api/v1/indicators/delayed-discharge-days", api.AdminKey, Definition("delayed-discharge-days", unit: "value"));
        // MCC and MFT are both assigned the indicator in Manchester.
        var singleSource = await api.PutAsync("/api/v1/indicators/still-at-home-91-days", api.AdminKey,
            Definition("still-at-home-91-days", unit: "percentage", combine: "single_source", frequency: "quarterly"));

        Assert.Equal(HttpStatusCode.Conflict, unit.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, singleSource.StatusCode);
        var conflict = (await singleSource.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conflicts")[0];
        Assert.Equal(["MCC", "MFT"], conflict.GetProperty("agencies").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("count", (await IndicatorAsync(api, "delayed-discharge-days")).GetProperty("unit").GetString());
        Assert.Equal("sum_numerators_and_denominators", (await IndicatorAsync(api, "still-at-home-91-days")).GetProperty("combine").GetString());

        // A change that leaves unit and frequency alone is fine once returns exist.
        var retitled = await api.PutAsync("/api/v1/indicators/delayed-discharge-days", api.AdminKey, Definition("delayed-discharge-days", dueDays: 10));
        Assert.Equal(HttpStatusCode.OK, retitled.StatusCode);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task An_indicator_carries_its_publication_rule_and_a_rule_with_problems_is_refused_by_field(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        object With(string? publication, int? publishDays) => new
        {
            code = "fly-tipping", title = "Fly-tipping incidents cleared", theme = "environment", unit = "count", polarity = "lower_is_better",
            frequency = "monthly", combine = "sum", publication, publishDays,
        };

        Assert.Equal([(null, "publishDays", "required")], await ErrorsAsync(await api.PutAsync("/api/v1/indicators/fly-tipping", api.AdminKey, With("days_after_period_end", null))));
        Assert.Equal([(null, "publishDays", "out_of_range")], await ErrorsAsync(await api.PutAsync("/api/v1/indicators/fly-tipping", api.AdminKey, With("days_after_period_end", 0))));
        Assert.Equal([(null, "publishDays", "not_used")], await ErrorsAsync(await api.PutAsync("/api/v1/indicators/fly-tipping", api.AdminKey, With("on_release", 30))));
        Assert.Equal([(null, "publication", "not_one_of")], await ErrorsAsync(await api.PutAsync("/api/v1/indicators/fly-tipping", api.AdminKey, With("sometimes", null))));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/indicators/fly-tipping", api.AgencyKey)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await api.PutAsync("/api/v1/indicators/fly-tipping", api.AdminKey, With("days_after_period_end", 45))).StatusCode);
        var stored = await IndicatorAsync(api, "fly-tipping");
        Assert.Equal(("days_after_period_end", 45), (stored.GetProperty("publication").GetString(), stored.GetProperty("publishDays").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/v1/indicators/fly-tipping", api.AdminKey, With(null, null))).StatusCode);
        stored = await IndicatorAsync(api, "fly-tipping");
        Assert.Equal(("on_acceptance", JsonValueKind.Null), (stored.GetProperty("publication").GetString(), stored.GetProperty("publishDays").ValueKind));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_catalogue_csv_sets_publication_rules_and_names_the_row_and_column_of_a_bad_one(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        const string header = "code,title,theme,unit,polarity,frequency,combine,publication,publish_days\r\n";
        var bad = header + "fly-tipping,Fly-tipping,environment,count,lower_is_better,monthly,sum,on_release,\r\n" +
            "graffiti,Graffiti,environment,count,lower_is_better,monthly,sum,days_after_period_end,\r\n";
        var good = header + "fly-tipping,Fly-tipping,environment,count,lower_is_better,monthly,sum,on_release,\r\n" +
            "graffiti,Graffiti,environment,count,lower_is_better,monthly,sum,days_after_period_end,28\r\n";

        Assert.Equal([(2, "publish_days", "required")], await ErrorsAsync(await api.PostCsvAsync("/api/v1/indicators/import", api.AdminKey, bad)));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/indicators/fly-tipping", api.AgencyKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostCsvAsync("/api/v1/indicators/import", api.AdminKey, good)).StatusCode);
        Assert.Equal("on_release", (await IndicatorAsync(api, "fly-tipping")).GetProperty("publication").GetString());
        Assert.Equal(28, (await IndicatorAsync(api, "graffiti")).GetProperty("publishDays").GetInt32());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task The_catalogue_as_csv_without_a_key_imports_into_another_node_as_it_was(StoreEngine engine)
    {
        await using var source = await CatalogueApiUnderTest.StartAsync(engine);
        Assert.Equal(HttpStatusCode.Created, (await source.PutAsync("/api/v1/indicators/fly-tipping", source.AdminKey,
            Definition("fly-tipping", dueDays: 14, lockDays: 60, target: 120.5))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await source.PostCsvAsync("/api/v1/indicators/import", source.AdminKey,
            "code,title,theme,unit,polarity,frequency,combine,publication,publish_days\r\n" +
            "graffiti,\"Graffiti, reported\",environment,count,lower_is_better,monthly,sum,days_after_period_end,28\r\n")).StatusCode);
        var exported = await source.GetAsync("/api/v1/indicators?format=csv", null);
        Assert.Equal("text/csv", exported.Content.Headers.ContentType?.MediaType);
        var bytes = await exported.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // UTF-8's byte-order mark, so that Excel reads it as UTF-8
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("code,title,theme,unit,polarity,frequency,combine,due_days,lock_days,target,publication,publish_days\r\n", csv);
        var expected = await (await source.GetAsync("/api/v1/indicators", null)).Content.ReadAsStringAsync();

        await using var target = await CatalogueApiUnderTest.StartAsync(engine);
        Assert.Equal(HttpStatusCode.OK, (await target.PostCsvAsync("/api/v1/indicators/import", target.AdminKey, csv)).StatusCode);

        Assert.Equal(expected, await (await target.GetAsync("/api/v1/indicators", null)).Content.ReadAsStringAsync());
        var places = await (await source.GetAsync("/api/v1/places?format=csv", null)).Content.ReadAsStringAsync();
        Assert.StartsWith("code,name,type,parent_code\r\n", places);
        Assert.Equal(HttpStatusCode.BadRequest, (await source.GetAsync("/api/v1/places?format=xml", null)).StatusCode);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_catalogue_csv_is_imported_whole_creating_and_updating(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        var csv = "\uFEFFcode,title,theme,unit,polarity,frequency,combine,due_days,lock_days,target\r\n" +
            "delayed-discharge-days,Days people spent in hospital after they were ready to leave,health_and_care,count,lower_is_better,monthly,sum,30,,\r\n" +
            "emergency-admissions-65plus,\"Emergency admissions, 65 and over\",health_and_care,rate_per_100000,lower_is_better,monthly,sum_numerators_and_denominators,20,90,1500\r\n" +
            "good-level-of-development,Children with a good level of development,education,percentage,higher_is_better,annual,single_source,,,\r\n\r\n";

        var response = await api.PostCsvAsync("/api/v1/indicators/import", api.AdminKey, csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["good-level-of-development"], Codes(body, "created"));
        Assert.Equal(["emergency-admissions-65plus"], Codes(body, "updated"));
        Assert.Equal(["delayed-discharge-days"], Codes(body, "unchanged"));
        var admissions = await IndicatorAsync(api, "emergency-admissions-65plus");
        Assert.Equal(("Emergency admissions, 65 and over", 20, 90, 1500.0), (admissions.GetProperty("title").GetString(),
            admissions.GetProperty("dueDays").GetInt32(), admissions.GetProperty("lockDays").GetInt32(), admissions.GetProperty("target").GetDouble()));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await api.PostAsync("/api/v1/indicators/import", api.AdminKey, new { code = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge,
            (await api.PostCsvAsync("/api/v1/indicators/import", api.AdminKey, new string('x', 1024 * 1024 + 1))).StatusCode);
    }

    private static string[] Codes(JsonElement body, string property) => [.. body.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    [Theory, ClassData(typeof(Engines))]
    public async Task A_catalogue_csv_with_problems_lists_each_by_row_and_field_and_imports_nothing(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        var csv = "code,title,theme,unit,polarity,frequency,combine,due_days\n" +
            "fly-tipping,Fly-tipping,environment,count,lower_is_better,monthly,sum,7\n" +
            "graffiti,Graffiti,environment,counts,lower_is_better,monthly,sum,soon\n" +
            "fly-tipping,Fly-tipping again,environment,count,lower_is_better,monthly,sum,7\n" +
            "litter,Litter,environment,count\n";

        var errors = await ErrorsAsync(await api.PostCsvAsync("/api/v1/indicators/import", api.AdminKey, csv));
        var header = await ErrorsAsync(await api.PostCsvAsync("/api/v1/indicators/import", api.AdminKey, "code,title,colour\nx,y,z\n"));
        var empty = await ErrorsAsync(await api.PostCsvAsync("/api/v1/indicators/import", api.AdminKey, ""));

        Assert.Equal([(2, "due_days", "not_number"), (2, "unit", "not_one_of"), (3, "code", "duplicate"), (4, "", "field_count")], errors);
        Assert.Contains((0, "colour", "unknown_column"), header);
        Assert.Contains((0, "unit", "missing_column"), header);
        Assert.Equal([(0, "", "empty")], empty);
        Assert.Equal(3, await api.CountAsync("SELECT COUNT(*) FROM indicators"));
    }

    [Fact]
    public async Task An_edited_definition_shows_at_once_in_a_series_already_being_read()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        await api.PutAsync("/api/v1/indicators/fly-tipping", api.AdminKey, Definition("fly-tipping"));
        const string series = "/api/v1/places/E08000003/indicators/fly-tipping/series";
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(series, api.AgencyKey)).StatusCode); // the grain is now active

        var edited = new
        {
            code = "fly-tipping", title = "Fly-tipping incidents cleared within a day", theme = "environment", unit = "count",
            polarity = "lower_is_better", frequency = "monthly", combine = "sum",
        };
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/v1/indicators/fly-tipping", api.AdminKey, edited)).StatusCode);

        var body = await (await api.GetAsync(series, api.AgencyKey)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Fly-tipping incidents cleared within a day", body.GetProperty("title").GetString());
    }
}

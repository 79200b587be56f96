using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Api;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Statistics;

/// <summary>A place against its parent, England and a comparator group that an administrator defines.</summary>
public sealed class BenchmarksApiTests
{
    private const string England = "E92000001";
    private const string GreaterManchester = "E47000001";
    private const string Manchester = "E08000003";
    private const string Trafford = "E08000009";
    private const string Admissions = "emergency-admissions-65plus";
    private static readonly string Benchmarks = $"/api/v1/places/{Manchester}/indicators/{Admissions}/benchmarks";

    [Theory, ClassData(typeof(Engines))]
    public async Task A_place_is_better_worse_or_similar_by_whether_the_comparator_lies_outside_its_interval(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        // Manchester: 600 in 61,000 = 983.6 per 100,000, 95% interval about 906 to 1,065.
        await api.SubmitAsync(new { place = Manchester, indicator = Admissions, period = "2026-01", numerator = 600, denominator = 61_000 });
        await ReturnAsync(api, England, 120_000, 10_000_000);     // 1,200: outside, and lower is better, so Manchester is better
        await ReturnAsync(api, GreaterManchester, 3_000, 300_000); // 1,000: inside, similar
        await ReturnAsync(api, Trafford, 280, 40_000);             // 700

        var group = await api.PutAsync("/api/v1/comparator-groups/manchester-test", api.AdminKey,
            new { name = "Manchester's test neighbours", place = Manchester, members = new[] { Trafford } });
        Assert.Equal(HttpStatusCode.Created, group.StatusCode);

        var response = await api.GetAsync(Benchmarks, api.AgencyKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var b = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-01", b.GetProperty("period").GetString());
        Assert.Equal(("better", 1200.0), (b.GetProperty("england").GetProperty("outcome").GetString(), b.GetProperty("england").GetProperty("value").GetDouble()));
        Assert.Equal("similar", b.GetProperty("parent").GetProperty("outcome").GetString());
        var summary = b.GetProperty("groups")[0].GetProperty("summary");
        Assert.Equal((2, 2, 2), (summary.GetProperty("count").GetInt32(), summary.GetProperty("rank").GetInt32(), summary.GetProperty("rankedOf").GetInt32()));
        Assert.Equal((100_000 * 600 / 61_000.0 + 700) / 2, summary.GetProperty("mean").GetDouble(), 9);
        // Two metropolitan boroughs are too few for quintiles.
        Assert.Equal(JsonValueKind.Null, b.GetProperty("sameType").GetProperty("quintile").ValueKind);

        var csv = await (await api.GetAsync(Benchmarks + "?format=csv", api.AgencyKey)).Content.ReadAsStringAsync();
        Assert.Contains($",england,{England},England,1200,,,better,", csv);
        Assert.Contains($",parent,{GreaterManchester},Greater Manchester,1000,,,similar,", csv);
    }

    [Fact]
    public async Task A_comparator_without_a_value_for_the_period_is_not_compared()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        await api.SubmitAsync(new { place = Manchester, indicator = Admissions, period = "2026-02", numerator = 600, denominator = 61_000 });
        await ReturnAsync(api, England, 120_000, 10_000_000, "2026-01");

        var b = await (await api.GetAsync(Benchmarks, api.AgencyKey)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("not_compared", b.GetProperty("england").GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, b.GetProperty("england").GetProperty("value").ValueKind);
        var earlier = await (await api.GetAsync(Benchmarks + "?period=2026-01", api.AgencyKey)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not_compared", earlier.GetProperty("england").GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync(Benchmarks + "?period=2026-Q1", api.AgencyKey)).StatusCode);
    }

    [Fact]
    public async Task A_parent_without_a_value_of_its_own_is_made_from_its_places_only_when_every_one_has_a_value()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        await api.SubmitAsync(new { place = Manchester, indicator = Admissions, period = "2026-01", numerator = 600, denominator = 61_000 });

        var partial = await (await api.GetAsync(Benchmarks, api.AgencyKey)).Content.ReadFromJsonAsync<JsonElement>();
        await ReturnAsync(api, Trafford, 280, 40_000);
        var whole = await (await api.GetAsync(Benchmarks, api.AgencyKey)).Content.ReadFromJsonAsync<JsonElement>();

        // Manchester alone is not Greater Manchester.
        Assert.Equal(JsonValueKind.Null, partial.GetProperty("parent").GetProperty("value").ValueKind);
        Assert.Equal("not_compared", partial.GetProperty("parent").GetProperty("outcome").GetString());
        var parent = whole.GetProperty("parent");
        Assert.Equal(100_000.0 * (600 + 280) / (61_000 + 40_000), parent.GetProperty("value").GetDouble(), 9);
        Assert.Equal(2, parent.GetProperty("aggregatedFrom").GetInt32());
        // 871 per 100,000 lies below Manchester's interval (about 906 to 1,065), and lower is better.
        Assert.Equal("worse", parent.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, whole.GetProperty("england").GetProperty("aggregatedFrom").ValueKind);
    }

    [Fact]
    public async Task Only_an_administrator_defines_a_comparator_group_and_every_bad_field_is_named()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        var body = new { name = "Neighbours", place = Manchester, members = new[] { Trafford } };

        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync("/api/v1/comparator-groups/g1", api.AgencyKey, body)).StatusCode);
        var bad = await api.PutAsync("/api/v1/comparator-groups/Bad_Id", api.AdminKey,
            new { name = "", place = "E99999999", members = new[] { Trafford, Trafford, "nowhere" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problems = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("field").GetString()}:{e.GetProperty("code").GetString()}").ToList();
        Assert.Equal(["id:invalid_code", "name:required", "place:unknown_place", "members[1]:duplicate", "members[2]:unknown_place"], problems);
        var itself = await api.PutAsync("/api/v1/comparator-groups/g1", api.AdminKey, new { name = "N", place = Manchester, members = new[] { Manchester } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, itself.StatusCode);
        Assert.Equal(0, await api.CountAsync("SELECT COUNT(*) FROM comparator_groups"));

        Assert.Equal(HttpStatusCode.Created, (await api.PutAsync("/api/v1/comparator-groups/g1", api.AdminKey, body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/v1/comparator-groups/g1", api.AdminKey, body with { name = "Renamed" })).StatusCode);
        var listed = await (await api.GetAsync($"/api/v1/comparator-groups?place={Manchester}", api.AgencyKey)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Renamed", listed[0].GetProperty("name").GetString());
        Assert.Equal(2, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'comparator_group_%'"));
    }

    // England and Greater Manchester have no agency on a board in the minimal catalogue: their returns go straight
    // to their indicator grains, as an import of published national figures would.
    private static Task ReturnAsync(CatalogueApiUnderTest api, string place, double numerator, double denominator, string period = "2026-01") =>
        api.Node.Services.GetRequiredService<IGrainFactory>().GetGrain<IIndicatorGrain>(IndicatorKey.For(place, Admissions))
            .SubmitAsync(new ReturnSubmission($"test-{place}", "test", DateTimeOffset.UtcNow,
                [new ReturnedValue(period, "ONS", numerator, denominator, null)]));
}

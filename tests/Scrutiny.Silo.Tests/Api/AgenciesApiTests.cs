using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Api;

/// <summary>Administrators manage who may submit what: an agency's boards (by place) and its indicators.</summary>
public sealed class AgenciesApiTests
{
    private const string Manchester = "E08000003";
    private const string Trafford = "E08000009";

    private static object Agency(string code, string[] places, string[] indicators, string name = "Greater Manchester Police",
        string sector = "police") => new { code, name, sector, places, indicators };

    private static async Task<JsonElement> AgencyAsync(CatalogueApiUnderTest api, string code) =>
        await (await api.GetAsync($"/api/v1/agencies/{code}", api.AdminKey)).Content.ReadFromJsonAsync<JsonElement>();

    private static string[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    [Theory, ClassData(typeof(Engines))]
    public async Task Agencies_are_listed_with_their_places_and_indicators_for_administrators_only(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);

        var response = await api.GetAsync("/api/v1/agencies", api.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mft = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(a => a.GetProperty("code").GetString() == "MFT");
        Assert.Equal(("Manchester University NHS Foundation Trust", "health"), (mft.GetProperty("name").GetString(), mft.GetProperty("sector").GetString()));
        Assert.Equal([Manchester], Strings(mft, "places"));
        Assert.Equal(["delayed-discharge-days", "emergency-admissions-65plus", "still-at-home-91-days"], Strings(mft, "indicators"));

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/agencies", api.AgencyKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/agencies", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync("/api/v1/agencies/GMP", api.AgencyKey, Agency("GMP", [], []))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PutAsync("/api/v1/agencies/GMP", null, Agency("GMP", [], []))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/agencies/NOPE", api.AdminKey)).StatusCode);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_put_creates_then_replaces_an_agency_moving_it_between_boards_with_an_audit_row_per_change(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        await api.Node.CatalogueWriter.UpsertBoardAsync(new PartnershipBoard("trafford-hwb", "Trafford Health and Wellbeing Board", Trafford, ["MCC"]));

        var created = await api.PutAsync("/api/v1/agencies/GMP", api.AdminKey, Agency("GMP", [Manchester], ["delayed-discharge-days"]));
        var updated = await api.PutAsync("/api/v1/agencies/GMP", api.AdminKey,
            Agency("GMP", [Trafford, Trafford], ["emergency-admissions-65plus"], name: "GMP"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/agencies/GMP", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var gmp = await AgencyAsync(api, "GMP");
        Assert.Equal(("GMP", "police"), (gmp.GetProperty("name").GetString(), gmp.GetProperty("sector").GetString()));
        Assert.Equal([Trafford], Strings(gmp, "places"));
        Assert.Equal(["emergency-admissions-65plus"], Strings(gmp, "indicators"));
        var manchesterBoard = await api.Node.Services.GetService<SqlCatalogue>()!.FindBoardAsync("manchester-hwb");
        Assert.Equal(["MCC", "MFT"], manchesterBoard!.MemberAgencies);

        // create, join, assign; then update, leave, join, unassign, assign.
        Assert.Equal(8, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'api_key%'"));
        Assert.Equal(1, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'board_member_removed' AND subject = 'manchester-hwb' AND actor LIKE 'api-key:%'"));

        // The same PUT again changes nothing and writes no audit.
        var again = await api.PutAsync("/api/v1/agencies/GMP", api.AdminKey, Agency("GMP", [Trafford], ["emergency-admissions-65plus"], name: "GMP"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(8, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'api_key%'"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_put_with_problems_lists_every_one_and_changes_nothing(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        var before = await AgencyAsync(api, "MFT");

        var response = await api.PutAsync("/api/v1/agencies/MFT", api.AdminKey, new
        {
            code = "MCC", name = " ", sector = "health",
            places = new[] { Manchester, "E99999999", Trafford },
            indicators = new[] { "delayed-discharge-days", "no-such-indicator" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal([("code", "mismatch"), ("name", "required"), ("places[1]", "unknown_place"), ("places[2]", "no_board"),
            ("indicators[1]", "unknown_indicator")], errors);
        Assert.Equal(before.GetRawText(), (await AgencyAsync(api, "MFT")).GetRawText());
        Assert.Equal(0, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'api_key%'"));

        var missingLists = await api.PutAsync("/api/v1/agencies/bad code", api.AdminKey, new { name = "X", sector = "health" });
        var missing = (await missingLists.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal([("code", "invalid_code"), ("places", "required"), ("indicators", "required")], missing);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_second_source_for_a_single_source_indicator_in_a_place_is_refused_naming_the_first(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        await api.Node.CatalogueWriter.UpsertIndicatorsAsync([new IndicatorDefinition("good-level-of-development",
            "Children with a good level of development", "education", IndicatorUnit.Percentage, Polarity.HigherIsBetter,
            Frequency.Annual, CombineMethod.SingleSource)]);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/v1/agencies/MCC", api.AdminKey,
            Agency("MCC", [Manchester], ["good-level-of-development"], name: "Manchester City Council", sector: "local_government"))).StatusCode);
        var before = await AgencyAsync(api, "MFT");
        var audited = await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'api_key%'");

        var response = await api.PutAsync("/api/v1/agencies/MFT", api.AdminKey,
            Agency("MFT", [Manchester], ["good-level-of-development", "delayed-discharge-days"], name: "Manchester University NHS Foundation Trust", sector: "health"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("MCC", problem.GetProperty("detail").GetString());
        var conflict = Assert.Single(problem.GetProperty("conflicts").EnumerateArray());
        Assert.Equal((Manchester, "good-level-of-development", "MCC"), (conflict.GetProperty("place").GetString(),
            conflict.GetProperty("indicator").GetString(), conflict.GetProperty("agencies")[0].GetString()));
        Assert.Equal(before.GetRawText(), (await AgencyAsync(api, "MFT")).GetRawText());
        Assert.Equal(audited, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'api_key%'"));

        // In a place where no other agency returns it, the same indicator is the agency's to take.
        await api.Node.CatalogueWriter.UpsertBoardAsync(new PartnershipBoard("trafford-hwb", "Trafford Health and Wellbeing Board", Trafford, []));
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/v1/agencies/MFT", api.AdminKey,
            Agency("MFT", [Trafford], ["good-level-of-development"], name: "Manchester University NHS Foundation Trust", sector: "health"))).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Api;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Benefits;

/// <summary>
/// A board's cohorts over real HTTP: defined and changed by the board (audited), read by anyone, refused field by
/// field, and a cohort's case valued from its outcomes against the spend of the commitments that work with it.
/// </summary>
public sealed class CohortsApiTests
{
    private const string Board = "/api/v1/boards/manchester-hwb";
    private const string Days = "delayed-discharge-days";
    private const string Size = "frailty-cohort-size";

    private static readonly IndicatorDefinition CohortSize = new(Size, "People in the frailty cohort", "health_and_care", IndicatorUnit.Count,
        Polarity.NoJudgement, Frequency.Monthly, CombineMethod.Sum);

    private static object Cohort(string? commitment, string size = Size, string agency = "MFT") => new
    {
        name = "Frail older people", description = "People the trust and the council support together after a fall.",
        eligibility = "Aged 65 and over, with two or more falls in a year", agencies = new[] { agency, "MCC" }, sizeIndicator = size,
        outcomes = new[] { Days }, commitments = commitment is null ? [] : new[] { commitment },
    };

    [Theory, ClassData(typeof(Engines))]
    public async Task A_cohort_is_defined_read_by_anyone_and_its_case_counts_its_commitments_spend(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        await api.Node.CatalogueWriter.UpsertIndicatorsAsync([CohortSize]);
        var commitment = await CasesApiTests.ArrangeAsync(api);

        var created = await api.PostAsync($"{Board}/cohorts", api.AgencyKey, Cohort(commitment));

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var cohort = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal($"{Board}/cohorts/{cohort}", created.Headers.Location!.OriginalString);
        var listed = await (await api.GetAsync($"{Board}/cohorts", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Frail older people", Size, commitment), (listed[0].GetProperty("name").GetString(), listed[0].GetProperty("sizeIndicator").GetString(),
            listed[0].GetProperty("commitments")[0].GetString()));

        var stated = await api.PutAsync($"{Board}/cases/{cohort}", api.AgencyKey, new
        {
            starts = "2025-07-01", deadweightPercent = 10m, attributionPercent = 50m, lines = new[] { new { indicator = Days, unitCost = "bed-day" } },
        });
        Assert.True(stated.StatusCode == HttpStatusCode.OK, await stated.Content.ReadAsStringAsync());
        var json = await stated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("cohort", cohort, "Frail older people"), (json.GetProperty("of").GetString(), json.GetProperty("subject").GetString(), json.GetProperty("title").GetString()));
        // The same outcomes as the commitment's case (102 bed days at £162), against the £10,000 its commitment spent.
        Assert.Equal((1_652_400L, 1_000_000L), (json.GetProperty("totals").GetProperty("presentBenefitPence").GetInt64(),
            json.GetProperty("totals").GetProperty("presentCostPence").GetInt64()));

        // A cohort that names no commitment has no costs: no ratio, no pay-back.
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync($"{Board}/cohorts/{cohort}", api.AgencyKey, Cohort(commitment: null))).StatusCode);
        var uncosted = await (await api.GetAsync($"{Board}/cases/{cohort}", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, uncosted.GetProperty("totals").GetProperty("presentCostPence").GetInt64());
        Assert.Equal(JsonValueKind.Null, uncosted.GetProperty("totals").GetProperty("paysBackIn").ValueKind);

        foreach (var action in new[] { "cohort_created", "cohort_updated" })
            Assert.Equal(1, await api.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND subject = 'board:manchester-hwb/{cohort}'"));
    }

    [Fact]
    public async Task A_bad_cohort_is_refused_naming_each_field_and_writes_nothing()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        await api.Node.CatalogueWriter.UpsertIndicatorsAsync([CohortSize]);

        var response = await api.PostAsync($"{Board}/cohorts", api.AgencyKey, new
        {
            name = " ", description = "x", eligibility = "x", agencies = new[] { "GMP", "MFT", "MFT" }, sizeIndicator = "emergency-admissions-65plus",
            outcomes = new[] { "no-such-indicator" }, commitments = new[] { "c99" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("field").GetString()}:{e.GetProperty("code").GetString()}");
        Assert.Equal(["name:required", "agencies[0]:not_member", "agencies[2]:duplicate", "sizeIndicator:not_a_count", "outcomes[0]:unknown_indicator",
            "commitments[0]:unknown_commitment"], errors);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsync($"{Board}/cohorts/k99", api.AgencyKey, Cohort("c1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync($"{Board}/cohorts", null, Cohort("c1"))).StatusCode);
        Assert.Equal(0, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'cohort%'"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Cohorts_cases_unit_costs_and_settings_survive_a_restart_of_the_node(StoreEngine engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        string commitment, cohort;
        long benefit;
        await using (var api = await CatalogueApiUnderTest.StartOnAsync(database))
        {
            await api.Node.CatalogueWriter.UpsertIndicatorsAsync([CohortSize]);
            commitment = await CasesApiTests.ArrangeAsync(api);
            cohort = (await (await api.PostAsync($"{Board}/cohorts", api.AgencyKey, Cohort(commitment))).Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("id").GetString()!;
            var stated = await (await api.PutAsync($"{Board}/cases/{commitment}", api.AgencyKey, new
            {
                starts = "2025-07-01", deadweightPercent = 10m, attributionPercent = 50m, lines = new[] { new { indicator = Days, unitCost = "bed-day" } },
            })).Content.ReadFromJsonAsync<JsonElement>();
            benefit = stated.GetProperty("totals").GetProperty("presentBenefitPence").GetInt64();
        }
        await using (var api = await CatalogueApiUnderTest.StartOnAsync(database, seed: false))
        {
            var cohorts = await (await api.GetAsync($"{Board}/cohorts", null)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(cohort, cohorts[0].GetProperty("id").GetString());
            var again = await (await api.GetAsync($"{Board}/cases/{commitment}", null)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(benefit, again.GetProperty("totals").GetProperty("presentBenefitPence").GetInt64());
            Assert.Equal(10m, again.GetProperty("assumptions").GetProperty("deadweightPercent").GetDecimal());
            var costs = await (await api.GetAsync("/api/v1/unit-costs", null)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("bed-day", 40_000L), (costs[0].GetProperty("code").GetString(), costs[0].GetProperty("valuePence").GetInt64()));
            var settings = await (await api.GetAsync("/api/v1/appraisal-settings", null)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(10m, settings.GetProperty("optimismBias")[0].GetProperty("percent").GetDecimal());
        }
        await database.DisposeAsync();
    }
}

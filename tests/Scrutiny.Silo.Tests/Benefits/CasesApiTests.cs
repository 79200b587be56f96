using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tables;
using Scrutiny.Silo.Tests.Api;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Benefits;

/// <summary>
/// A commitment's cost-benefit case over real HTTP: the administrator's unit cost and settings, the board's case, the
/// returns and the pooled fund it is worked from, computed here by hand to the penny; the publication rule through
/// it; refusals naming each field.
/// </summary>
public sealed class CasesApiTests
{
    private const string Board = "/api/v1/boards/manchester-hwb";
    private const string Days = "delayed-discharge-days";
    private const string Manchester = "E08000003";

    // Six months on a straight line (100, 102 … 110: the baseline goes on 112, 114 … with no spread, so no range), then
    // six months at 100 from the start of the work: 12 + 14 + 16 + 18 + 20 + 22 = 102 bed days avoided.
    private static readonly double[] History = [100, 102, 104, 106, 108, 110];
    private static readonly string[] Since = ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"];

    private static object Month(string period, double numerator) => new { place = Manchester, indicator = Days, period, numerator, denominator = (double?)null };

    internal static async Task<string> ArrangeAsync(CatalogueApiUnderTest api)
    {
        // £400 a bed day to the NHS, grade 2, whose optimism bias the administrator sets at 10%.
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/v1/appraisal-settings", api.AdminKey, new
        {
            discountRatePercent = 3.5m, optimismBias = new[] { new { grade = 2, percent = 10m } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PutAsync("/api/v1/unit-costs/bed-day", api.AdminKey, new
        {
            name = "A day in an acute hospital bed", borneBy = "health", value = 400m, priceYear = "2025/26", grade = 2,
            kind = "fiscal_non_cashable", source = "Illustrative figure for the test", illustrative = true,
        })).StatusCode);
        await api.SubmitAsync([.. History.Select((v, i) => Month($"2025-{i + 1:00}", v)), .. Since.Select(p => Month(p, 100))]);
        var id = (await (await api.PostAsync($"{Board}/commitments", api.AgencyKey, new
        {
            title = "Cut delayed discharges", result = "Older people live well at home", indicators = new[] { Days },
            leadAgency = "MFT", contributingAgencies = new[] { "MCC" },
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        // £6,000 from the council and £4,000 from the trust into the pool; £10,000 spent on the commitment.
        foreach (var (kind, agency, amount, commitment) in new[] { ("contribution", "MCC", 6000m, (string?)null), ("contribution", "MFT", 4000m, null), ("spend", "MFT", 10000m, id) })
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"{Board}/fund", api.AgencyKey,
                new { kind, on = kind == "spend" ? "2025-08-01" : "2025-04-10", agency, commitment, amount })).StatusCode);
        return id;
    }

    private static object Case(string starts = "2025-07-01") => new
    {
        starts, deadweightPercent = 10m, attributionPercent = 50m, lines = new[] { new { indicator = Days, unitCost = "bed-day" } },
        notes = "Attribution shared with the trust's own discharge programme",
    };

    [Theory, ClassData(typeof(Engines))]
    public async Task The_case_is_the_change_against_the_baseline_valued_discounted_and_shared_to_the_penny(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        var id = await ArrangeAsync(api);

        var put = await api.PutAsync($"{Board}/cases/{id}", api.AgencyKey, Case());

        Assert.True(put.StatusCode == HttpStatusCode.OK, $"{put.StatusCode} {await put.Content.ReadAsStringAsync()}");
        var json = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, json.GetProperty("problems").GetArrayLength());
        var outcome = json.GetProperty("outcomes")[0];
        // £400 × (1 − 10%) × 50% × (1 − 10%) = £162 a bed day avoided.
        Assert.Equal(16_200m, outcome.GetProperty("worthPence").GetDecimal());
        Assert.Equal([112m, 114m, 116m, 118m, 120m, 122m], outcome.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("expected").GetDecimal()));
        var totals = json.GetProperty("totals");
        // 102 × £162 = £16,524 in the first year (2025/26, undiscounted), against £10,000 spent.
        Assert.Equal(1_652_400, totals.GetProperty("presentBenefitPence").GetInt64());
        Assert.Equal((1_652_400L, 1_652_400L), (totals.GetProperty("presentBenefitLowPence").GetInt64(), totals.GetProperty("presentBenefitHighPence").GetInt64()));
        Assert.Equal(1_000_000, totals.GetProperty("presentCostPence").GetInt64());
        Assert.Equal(652_400, totals.GetProperty("netPresentValuePence").GetInt64());
        Assert.Equal(1.6524m, totals.GetProperty("benefitCostRatio").GetDecimal());
        Assert.Equal(("2025/26", 1_652_400L, 0L), (totals.GetProperty("paysBackIn").GetString(), totals.GetProperty("fiscalBenefitPence").GetInt64(),
            totals.GetProperty("cashableBenefitPence").GetInt64()));
        // The council paid 60% of what the pool spent and gains nothing; the NHS paid 40% and gains it all: the wrong pocket.
        var flows = json.GetProperty("flows").EnumerateArray().ToDictionary(f => f.GetProperty("sector").GetString()!);
        Assert.Equal((400_000L, 1_652_400L, 1_000_000L), (flows["health"].GetProperty("paidTowardsCasePence").GetInt64(),
            flows["health"].GetProperty("gainsPence").GetInt64(), flows["health"].GetProperty("fairSharePence").GetInt64()));
        Assert.Equal((600_000L, 0L, 0L), (flows["local_government"].GetProperty("paidTowardsCasePence").GetInt64(),
            flows["local_government"].GetProperty("gainsPence").GetInt64(), flows["local_government"].GetProperty("fairSharePence").GetInt64()));
        Assert.True(json.GetProperty("illustrative").GetBoolean());
        // The same by agency: each paid towards the case as it paid into the pool.
        Assert.Equal([("MCC", "local_government", 600_000L), ("MFT", "health", 400_000L)], json.GetProperty("agencyFlows").EnumerateArray()
            .Select(f => (f.GetProperty("agency").GetString(), f.GetProperty("sector").GetString(), f.GetProperty("paidTowardsCasePence").GetInt64())));

        // A return lands: January's 100 against a baseline of 124 adds 24 × £162 to the same year.
        await api.SubmitAsync(Month("2026-01", 100));
        var after = await (await api.GetAsync($"{Board}/cases/{id}", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1_652_400 + 24 * 16_200, after.GetProperty("totals").GetProperty("presentBenefitPence").GetInt64());

        Assert.Equal(1, await api.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'benefit_case_set' AND subject = 'board:manchester-hwb/{id}/case'"));
        Assert.Equal(1, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'unit_cost_saved' AND subject = 'unit-cost/bed-day'"));
        Assert.Equal(1, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'appraisal_settings_saved'"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task An_unpublished_value_moves_only_the_case_of_those_entitled_to_see_it(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        await api.Node.CatalogueWriter.SetScheduleAsync(new IndicatorSchedule(Days, 45, LockDays: null, Target: null, PublicationRule.OnRelease));
        var id = await ArrangeAsync(api);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync($"{Board}/cases/{id}", api.AgencyKey, Case())).StatusCode);
        // Every month released but December.
        foreach (var period in History.Select((_, i) => $"2025-{i + 1:00}").Concat(Since.SkipLast(1)))
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"/api/v1/indicators/{Days}/releases", api.AdminKey, new { period })).StatusCode);

        var entitled = await (await api.GetAsync($"{Board}/cases/{id}", api.AdminKey)).Content.ReadFromJsonAsync<JsonElement>();
        var publicCase = await (await api.GetAsync($"{Board}/cases/{id}", null)).Content.ReadFromJsonAsync<JsonElement>();
        var publicCsv = await (await api.GetAsync($"{Board}/cases/{id}?format=csv", null)).Content.ReadAsStringAsync();
        var agencyCsv = await (await api.GetAsync($"{Board}/cases/{id}?format=csv", api.AgencyKey)).Content.ReadAsStringAsync();
        var publicWorkbook = WorkbookText(await (await api.GetAsync($"{Board}/cases/{id}?format=xlsx", null)).Content.ReadAsByteArrayAsync());
        var entitledWorkbook = WorkbookText(await (await api.GetAsync($"{Board}/cases/{id}?format=xlsx", api.AdminKey)).Content.ReadAsByteArrayAsync());

        Assert.Equal(102 * 16_200, entitled.GetProperty("totals").GetProperty("presentBenefitPence").GetInt64());
        // 12 + 14 + 16 + 18 + 20 = 80 bed days: December's value is in no figure the public reads.
        Assert.Equal(80 * 16_200, publicCase.GetProperty("totals").GetProperty("presentBenefitPence").GetInt64());
        Assert.DoesNotContain("2025-12", publicCase.GetRawText());
        Assert.DoesNotContain("2025-12", publicCsv);
        // An agency's key reads published values only, as it does of the series.
        Assert.DoesNotContain("2025-12", agencyCsv);
        Assert.Contains($"{80 * 16_200}", publicCsv);
        // The workbook holds what its CSV holds, and says whose view it is.
        Assert.DoesNotContain("2025-12", publicWorkbook);
        Assert.Contains($"{80 * 16_200}", publicWorkbook);
        Assert.Contains(TableViews.Words(TableView.Public), publicWorkbook);
        Assert.Contains($"{102 * 16_200}", entitledWorkbook);
        Assert.Contains(TableViews.Words(TableView.Entitled), entitledWorkbook);
    }

    /// <summary>Every cell's text of every sheet of a workbook.</summary>
    private static string WorkbookText(byte[] file)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(file), false);
        return string.Join("\n", document.WorkbookPart!.WorksheetParts
            .SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).Select(c => c.InnerText));
    }

    [Fact]
    public async Task The_csv_opens_with_the_assumptions_then_every_figure()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        var id = await ArrangeAsync(api);
        await api.PutAsync($"{Board}/cases/{id}", api.AgencyKey, Case());

        var response = await api.GetAsync($"{Board}/cases/{id}?format=csv", null);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        const string None15 = ",,,,,,,,,,,,,,";
        Assert.Equal("row,subject,value,financial_year,year,period,expected,expected_lower,expected_upper,observed,worth_pence," +
            "benefit_pence,benefit_low_pence,benefit_high_pence,cost_pence,discount_factor,fair_share_pence", lines[0]);
        Assert.Equal($"assumption,board,manchester-hwb{None15}", lines[1]);
        Assert.Contains($"assumption,deadweight_percent,10{None15}", lines);
        Assert.Contains($"assumption,attribution_percent,50{None15}", lines);
        Assert.Contains($"assumption,discount_rate_percent,3.5{None15}", lines);
        Assert.Contains($"assumption,illustrative_unit_costs,yes{None15}", lines);
        Assert.Contains(lines, l => l.StartsWith("assumption,unit_cost bed-day,\"40000 pence at 2025/26 prices, grade 2", StringComparison.Ordinal));
        // Every assumption comes before the first figure.
        Assert.True(lines.ToList().FindLastIndex(l => l.StartsWith("assumption,", StringComparison.Ordinal)) <
            lines.ToList().FindIndex(l => l.StartsWith("outcome,", StringComparison.Ordinal)));
        Assert.Contains($"outcome,{Days} × bed-day,,2025/26,,2025-07,112,112,112,100,16200,,,,,,", lines);
        Assert.Contains("year,,,2025/26,0,,,,,,,1652400,1652400,1652400,1000000,1,", lines);
        Assert.Contains("sector,health,,,,,,,,,,1652400,,,400000,,1000000", lines);
        Assert.Contains("agency,MCC,local_government,,,,,,,,,,,,600000,,", lines);
        Assert.Contains("present_value,pays back in 2025/26,,,,,,,,,,1652400,1652400,1652400,1000000,,", lines);
    }

    [Fact]
    public async Task Bad_bodies_are_refused_naming_each_field_and_only_the_board_and_administrators_write()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        var id = await ArrangeAsync(api);

        var badCase = await api.PutAsync($"{Board}/cases/{id}", api.AgencyKey, new
        {
            starts = "01/07/2025", deadweightPercent = 110m, lines = new[] { new { indicator = "emergency-admissions-65plus", unitCost = "no-such-cost" } },
        });
        Assert.Equal(["starts:invalid_date", "deadweightPercent:out_of_range", "attributionPercent:required", "lines[0].indicator:not_linked",
            "lines[0].unitCost:unknown"], await ProblemsAsync(badCase));
        var badCost = await api.PutAsync("/api/v1/unit-costs/Bed_Day", api.AdminKey, new { name = "x", borneBy = "health", value = 1.005m, priceYear = "2025", grade = 6, kind = "cash", source = " " });
        Assert.Equal(["code:invalid_code", "value:too_precise", "priceYear:invalid_year", "grade:out_of_range", "kind:not_one_of", "source:required"],
            await ProblemsAsync(badCost));
        Assert.Equal(["code:reserved"], await ProblemsAsync(await api.PutAsync("/api/v1/unit-costs/new", api.AdminKey, new
        {
            name = "A new thing", borneBy = "health", value = 1m, priceYear = "2025/26", grade = 1, kind = "social", source = "Test",
        })));
        var badSettings = await api.PutAsync("/api/v1/appraisal-settings", api.AdminKey, new
        {
            discountRatePercent = 25m, priceYear = "2026/27", optimismBias = new[] { new { grade = 1, percent = 0m }, new { grade = 1, percent = 5m } },
            deflator = new[] { new { year = "2025/26", index = 0m } },
        });
        Assert.Equal(["discountRatePercent:out_of_range", "optimismBias[1].grade:duplicate", "deflator[0].index:out_of_range"], await ProblemsAsync(badSettings));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PutAsync($"{Board}/cases/{id}", null, Case())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync("/api/v1/unit-costs/bed-day", api.AgencyKey, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync("/api/v1/appraisal-settings", api.AgencyKey, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsync($"{Board}/cases/c999", api.AgencyKey, Case())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{Board}/cases/{id}", null)).StatusCode);
        Assert.Equal(0, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'benefit_case%'"));

        // Started too soon for a baseline: the case is kept, and says why it has no figures rather than showing some.
        var early = await (await api.PutAsync($"{Board}/cases/{id}", api.AgencyKey, Case("2025-04-01"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, early.GetProperty("totals").ValueKind);
        Assert.Equal("lines[0].indicator", early.GetProperty("problems")[0].GetProperty("field").GetString());
        Assert.Contains("3 periods before 2025-04-01; the baseline needs 6", early.GetProperty("problems")[0].GetProperty("message").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(HttpMethod.Delete, $"{Board}/cases/{id}", api.AgencyKey, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{Board}/cases/{id}", null)).StatusCode);
    }

    private static async Task<List<string>> ProblemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("field").GetString()}:{e.GetProperty("code").GetString()}")];
    }
}

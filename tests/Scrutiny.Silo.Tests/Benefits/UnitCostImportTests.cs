using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Api;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Benefits;

/// <summary>
/// An administrator keeps the unit-cost catalogue from a CSV over real HTTP: created or replaced whole, all or none,
/// each problem named by its row and the file's column.
/// </summary>
public sealed class UnitCostImportTests
{
    private const string UnitCosts = "/api/v1/unit-costs";

    [Theory, ClassData(typeof(Engines))]
    public async Task A_good_file_is_imported_and_a_second_replaces_what_it_names(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        var first = "\uFEFFcode,name,borne_by,value,price_year,grade,kind,source,licence,illustrative\r\n" +
            "bed-day,A day in an acute hospital bed,health,400.00,2025/26,2,fiscal_non_cashable,\"NHS costs, illustrative\",OGL v3,Yes\r\n" +
            "police-call-out,A police call-out,police,£180.5,2024/25,3,fiscal_cashable,Illustrative figure,,no\r\n";

        var imported = await api.PostCsvAsync(UnitCosts, api.AdminKey, first);

        Assert.True(imported.StatusCode == HttpStatusCode.OK, $"{imported.StatusCode} {await imported.Content.ReadAsStringAsync()}");
        Assert.Equal((2, 0), await CountsAsync(imported));
        var costs = await ListAsync(api);
        Assert.Equal(("A day in an acute hospital bed", "health", 40_000L, "2025/26", 2, "fiscal_non_cashable", "NHS costs, illustrative", "OGL v3", true),
            Describe(costs["bed-day"]));
        Assert.Equal(("A police call-out", "police", 18_050L, "2024/25", 3, "fiscal_cashable", "Illustrative figure", null, false),
            Describe(costs["police-call-out"]));

        // Columns in another order and without the optional ones: a unit cost is replaced whole, so bed-day is no longer illustrative.
        var second = "kind,code,value,name,borne_by,price_year,grade,source\n" +
            "fiscal_non_cashable,bed-day,420,A day in an acute hospital bed,health,2025/26,1,NHS National Cost Collection\n" +
            "fiscal_cashable,emergency-admission,2150.50,An emergency admission,health,2025/26,2,NHS National Cost Collection\n";

        var updated = await api.PostCsvAsync(UnitCosts, api.AdminKey, second);

        Assert.Equal((1, 1), await CountsAsync(updated));
        costs = await ListAsync(api);
        Assert.Equal(3, costs.Count);
        Assert.Equal((42_000L, 1, null, false), (costs["bed-day"].GetProperty("valuePence").GetInt64(), costs["bed-day"].GetProperty("grade").GetInt32(),
            costs["bed-day"].GetProperty("licence").GetString(), costs["bed-day"].GetProperty("illustrative").GetBoolean()));
        Assert.Equal(215_050L, costs["emergency-admission"].GetProperty("valuePence").GetInt64());
        Assert.Equal(4, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'unit_cost_saved'"));
        Assert.Equal(2, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'unit_cost_saved' AND subject = 'unit-cost/bed-day'"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_file_with_bad_rows_is_refused_naming_each_row_and_column_and_writes_nothing(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        Assert.Equal(HttpStatusCode.OK, (await api.PostCsvAsync(UnitCosts, api.AdminKey,
            "code,name,borne_by,value,price_year,grade,kind,source\nbed-day,A bed day,health,400,2025/26,2,fiscal_non_cashable,Test\n")).StatusCode);
        var (costsBefore, auditBefore) = (await api.CountAsync("SELECT COUNT(*) FROM unit_costs"), await api.CountAsync("SELECT COUNT(*) FROM audit_log"));
        var csv = "code,name,borne_by,value,price_year,grade,kind,source,illustrative\n" +
            "bed-day,A bed day,health,450,2025/26,2,fiscal_non_cashable,Test,yes\n" +
            "Call_Out,A police call-out,police,lots,2025,6,cash,,maybe\n" +
            "bed-day,Again,health,1.005,2025/26,2,economic,Test,no\n" +
            ",No code,health,10,2025/26,1,social,Test,no\n" +
            "short,row\n";

        var response = await api.PostCsvAsync(UnitCosts, api.AdminKey, csv);

        var errors = await ErrorsAsync(response);
        Assert.Equal([(2, "value", "not_number"), (2, "illustrative", "not_yes_or_no"), (2, "code", "invalid_code"), (2, "price_year", "invalid_year"),
            (2, "grade", "out_of_range"), (2, "kind", "not_one_of"), (2, "source", "required"),
            (3, "code", "duplicate"), (3, "value", "too_precise"),
            (4, "code", "required"),
            (5, "", "field_count")], errors.Select(e => (e.Row, e.Field, e.Code)));
        // The rules' words name the file's column, not the API's field.
        Assert.StartsWith("price_year must be a financial year", errors.Single(e => e.Field == "price_year").Message);
        Assert.Contains("row 1", errors.Single(e => e.Code == "duplicate").Message);
        Assert.Equal(costsBefore, await api.CountAsync("SELECT COUNT(*) FROM unit_costs"));
        Assert.Equal(auditBefore, await api.CountAsync("SELECT COUNT(*) FROM audit_log"));
        Assert.Equal(40_000L, (await ListAsync(api))["bed-day"].GetProperty("valuePence").GetInt64());

        var header = await ErrorsAsync(await api.PostCsvAsync(UnitCosts, api.AdminKey, "code,name,colour,code\nx,y,z,x\n"));
        Assert.Contains((0, "colour", "unknown_column"), header.Select(e => (e.Row, e.Field, e.Code)));
        Assert.Contains((0, "code", "duplicate_column"), header.Select(e => (e.Row, e.Field, e.Code)));
        Assert.Contains((0, "price_year", "missing_column"), header.Select(e => (e.Row, e.Field, e.Code)));
        Assert.Equal([(0, "", "empty")], (await ErrorsAsync(await api.PostCsvAsync(UnitCosts, api.AdminKey, ""))).Select(e => (e.Row, e.Field, e.Code)));
        Assert.Equal([(0, "", "empty")], (await ErrorsAsync(await api.PostCsvAsync(UnitCosts, api.AdminKey,
            "code,name,borne_by,value,price_year,grade,kind,source\n"))).Select(e => (e.Row, e.Field, e.Code)));
        Assert.Equal(auditBefore, await api.CountAsync("SELECT COUNT(*) FROM audit_log"));
    }

    [Fact]
    public async Task Only_an_administrator_imports_and_only_a_small_csv()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        const string csv = "code,name,borne_by,value,price_year,grade,kind,source\nbed-day,A bed day,health,400,2025/26,2,fiscal_non_cashable,Test\n";

        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostCsvAsync(UnitCosts, api.AgencyKey, csv)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostCsvAsync(UnitCosts, null, csv)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await api.PostAsync(UnitCosts, api.AdminKey, new { code = "bed-day" })).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await api.PostCsvAsync(UnitCosts, api.AdminKey, new string('x', Silo.Benefits.UnitCostCsv.MaxBytes + 1))).StatusCode);
        Assert.Equal(0, await api.CountAsync("SELECT COUNT(*) FROM unit_costs"));
        Assert.Equal(0, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'unit_cost_saved'"));
    }

    private static async Task<(int Created, int Updated)> CountsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("created").GetInt32(), body.GetProperty("updated").GetInt32());
    }

    private static async Task<Dictionary<string, JsonElement>> ListAsync(CatalogueApiUnderTest api) =>
        (await (await api.GetAsync(UnitCosts, null)).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .ToDictionary(c => c.GetProperty("code").GetString()!);

    private static (string?, string?, long, string?, int, string?, string?, string?, bool) Describe(JsonElement c) =>
        (c.GetProperty("name").GetString(), c.GetProperty("borneBy").GetString(), c.GetProperty("valuePence").GetInt64(), c.GetProperty("priceYear").GetString(),
         c.GetProperty("grade").GetInt32(), c.GetProperty("kind").GetString(), c.GetProperty("source").GetString(), c.GetProperty("licence").GetString(),
         c.GetProperty("illustrative").GetBoolean());

    private static async Task<List<(int Row, string Field, string Code, string Message)>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString()!, e.GetProperty("code").GetString()!, e.GetProperty("message").GetString()!))];
    }
}

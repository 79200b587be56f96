using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Api;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Statistics;

/// <summary>Targets and rebase points per place and indicator: who may set them, what they must carry, what they change.</summary>
public sealed class IndicatorSettingsApiTests
{
    private const string Manchester = "E08000003";
    private const string Trafford = "E08000009";
    private const string Days = "delayed-discharge-days";
    private static readonly string Settings = $"/api/v1/places/{Manchester}/indicators/{Days}";

    [Theory, ClassData(typeof(Engines))]
    public async Task A_partner_sets_a_target_with_a_reason_and_the_series_and_audit_say_who_and_why(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        await api.SubmitAsync(Month("2026-01", 40), Month("2026-02", 38));

        var set = await api.PutAsync($"{Settings}/target", api.AgencyKey, new { value = 30, reason = "Board agreed 2026 plan" });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var settings = await set.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(30, settings.GetProperty("target").GetDouble());
        Assert.Equal("Board agreed 2026 plan", settings.GetProperty("placeTarget").GetProperty("reason").GetString());
        Assert.StartsWith("api-key:", settings.GetProperty("placeTarget").GetProperty("setBy").GetString());
        var series = await (await api.GetAsync($"{Settings}/series", api.AdminKey)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(30, series.GetProperty("target").GetDouble());
        Assert.Equal(1, await api.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'target_set' AND subject = '{Manchester}/{Days}'"));

        var cleared = await api.PutAsync($"{Settings}/target", api.AdminKey, new { value = (double?)null, reason = "Plan withdrawn" });
        Assert.Equal(JsonValueKind.Null, (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("target").ValueKind);
        Assert.Equal(1, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'target_cleared'"));
    }

    [Fact]
    public async Task Only_an_administrator_or_a_partner_of_the_place_may_change_settings_and_anyone_with_a_key_reads_them()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        var body = new { value = 30, reason = "A reason" };

        // MFT sits on Manchester's board, not Trafford's.
        Assert.Equal(HttpStatusCode.Forbidden,
            (await api.PutAsync($"/api/v1/places/{Trafford}/indicators/{Days}/target", api.AgencyKey, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PutAsync($"{Settings}/target", null, body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await api.PutAsync($"/api/v1/places/{Trafford}/indicators/{Days}/target", api.AdminKey, body)).StatusCode);
        var read = await api.GetAsync($"/api/v1/places/{Trafford}/indicators/{Days}/settings", api.AgencyKey);
        Assert.Equal(30, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("target").GetDouble());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/places/E99999999/indicators/{Days}/settings", api.AdminKey)).StatusCode);
        Assert.Equal(0, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'target%' AND actor NOT LIKE 'api-key:%'"));
    }

    [Fact]
    public async Task A_change_without_a_reason_or_with_a_bad_period_is_refused_field_by_field_and_writes_nothing()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);

        var target = await api.PutAsync($"{Settings}/target", api.AgencyKey, new { value = 30, reason = "  " });
        var rebase = await api.PostAsync($"{Settings}/rebases", api.AgencyKey, new { period = "2026-Q1", reason = new string('x', 501) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, target.StatusCode);
        Assert.Equal(["reason:required"], await ProblemsAsync(target));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rebase.StatusCode);
        Assert.Equal(["period:invalid_period", "reason:too_long"], await ProblemsAsync(rebase));
        Assert.Equal(0, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'target%' OR action LIKE 'rebase%'"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_rebase_starts_new_limits_from_its_period_and_can_be_removed_with_a_reason(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        // A year around 40 then a year around 80: one set of limits is wrong for both.
        await api.SubmitAsync([.. Enumerable.Range(0, 24).Select(i => Month($"{2024 + i / 12}-{i % 12 + 1:00}", (i < 12 ? 40 : 80) + i % 3))]);

        var added = await api.PostAsync($"{Settings}/rebases", api.AgencyKey, new { period = "2025-01", reason = "New discharge service" });
        var again = await api.PostAsync($"{Settings}/rebases", api.AgencyKey, new { period = "2025-01", reason = "Twice" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var points = await PointsAsync(api);
        Assert.Equal(41, points["2024-06"].GetProperty("mean").GetDouble(), 9);
        Assert.Equal(81, points["2025-06"].GetProperty("mean").GetDouble(), 9);
        Assert.All(points.Values, p => Assert.Equal("common_cause", p.GetProperty("specialCause").GetString()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await api.SendAsync(HttpMethod.Delete, $"{Settings}/rebases/2025-01", api.AgencyKey, null)).StatusCode);
        var removed = await api.SendAsync(HttpMethod.Delete, $"{Settings}/rebases/2025-01?reason=Service+reverted", api.AgencyKey, null);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await api.SendAsync(HttpMethod.Delete, $"{Settings}/rebases/2025-01?reason=Again", api.AgencyKey, null)).StatusCode);
        points = await PointsAsync(api);
        Assert.Equal(61, points["2024-06"].GetProperty("mean").GetDouble(), 9);
        Assert.NotEqual("common_cause", points["2024-06"].GetProperty("specialCause").GetString());
        Assert.Equal(2, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action IN ('rebase_added', 'rebase_removed')"));
    }

    [Fact]
    public async Task Settings_survive_a_restart_of_the_node()
    {
        var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using (var api = await CatalogueApiUnderTest.StartOnAsync(database))
            await api.PutAsync($"{Settings}/target", api.AgencyKey, new { value = 12.5, reason = "Kept" });
        await using (var api = await CatalogueApiUnderTest.StartOnAsync(database, seed: false))
        {
            var settings = await (await api.GetAsync($"{Settings}/settings", api.AdminKey)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(12.5, settings.GetProperty("target").GetDouble());
        }
        await database.DisposeAsync();
    }

    private static object Month(string period, double numerator) =>
        new { place = Manchester, indicator = Days, period, numerator, denominator = (double?)null };

    private static async Task<Dictionary<string, JsonElement>> PointsAsync(CatalogueApiUnderTest api) =>
        (await (await api.GetAsync($"{Settings}/series", api.AdminKey)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("points").EnumerateArray().ToDictionary(p => p.GetProperty("period").GetString()!);

    private static async Task<IReadOnlyList<string>> ProblemsAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("field").GetString()}:{e.GetProperty("code").GetString()}")];
}

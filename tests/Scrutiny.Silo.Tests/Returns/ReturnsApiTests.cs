using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Returns;

/// <summary>The first returns endpoint over real HTTP, on both engines.</summary>
public sealed class ReturnsApiTests
{
    private static object Row(string period, double numerator, double? denominator = 61000, string indicator = "emergency-admissions-65plus",
        string place = "E08000003") => new { place, indicator, period, numerator, denominator };

    /// <summary>A node on a fresh database with the minimal catalogue, and an API key for agency MFT.</summary>
    private sealed class ApiUnderTest(TestDatabase database, TestNode node, string key) : IAsyncDisposable
    {
        public TestNode Node => node;
        public string Key => key;

        public static async Task<ApiUnderTest> StartAsync(StoreEngine engine)
        {
            var database = await TestDatabase.CreateAsync(engine);
            var node = await TestNode.StartAsync(database);
            await MinimalCatalogue.SeedAsync(node.CatalogueWriter);
            return new ApiUnderTest(database, node, await node.CreateAgencyKeyAsync("MFT"));
        }

        public async ValueTask DisposeAsync()
        {
            await node.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private static Task<HttpResponseMessage> PostAsync(TestNode node, string? key, object body, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/returns" + query) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return node.Http.SendAsync(request);
    }

    private static async Task<long> LedgerRowsAsync(TestNode node)
    {
        await using var connection = await node.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM returns_ledger");
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_clean_batch_is_imported_and_a_resubmission_counted_as_unchanged_or_updated(StoreEngine engine)
    {
        await using var api = await ApiUnderTest.StartAsync(engine);
        var (node, key) = (api.Node, api.Key);

        var first = await PostAsync(node, key, new { returns = new[] { Row("2026-06", 400), Row("2026-07", 412) } });
        var again = await PostAsync(node, key, new { returns = new[] { Row("2026-06", 400), Row("2026-07", 415) } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 0, 0, false), (body.GetProperty("imported").GetInt32(), body.GetProperty("updated").GetInt32(),
            body.GetProperty("unchanged").GetInt32(), body.GetProperty("dryRun").GetBoolean()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("batchId").GetString()));
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 1, 1), (second.GetProperty("imported").GetInt32(), second.GetProperty("updated").GetInt32(),
            second.GetProperty("unchanged").GetInt32()));
        Assert.Equal(3, await LedgerRowsAsync(node));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task One_bad_row_rejects_the_batch_listing_every_problem_and_writing_nothing(StoreEngine engine)
    {
        await using var api = await ApiUnderTest.StartAsync(engine);
        var (node, key) = (api.Node, api.Key);

        var response = await PostAsync(node, key, new
        {
            returns = new[]
            {
                Row("2026-07", 412),
                Row("2026-Q3", 5),
                Row("2026-05", 10, denominator: null),
                Row("2026-07", 3, indicator: "no-such-indicator"),
                Row("2026-07", 3, place: "E08000009"),
                Row("2030-01", 3),
            },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString(), e.GetProperty("code").GetString()))
            .ToList();
        Assert.Equal([
            (2, "period", "invalid_period"),
            (3, "denominator", "required"),
            (4, "indicator", "unknown_indicator"),
            (5, "place", "not_partner"),
            (6, "period", "future_period"),
        ], errors);
        Assert.Equal(0, await LedgerRowsAsync(node));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_dry_run_answers_as_the_import_would_and_writes_nothing(StoreEngine engine)
    {
        await using var api = await ApiUnderTest.StartAsync(engine);
        var (node, key) = (api.Node, api.Key);

        var response = await PostAsync(node, key, new { returns = new[] { Row("2026-07", 412) } }, "?dryRun=true");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, true), (body.GetProperty("imported").GetInt32(), body.GetProperty("dryRun").GetBoolean()));
        Assert.Equal(0, await LedgerRowsAsync(node));
    }

    [Fact]
    public async Task A_missing_or_unknown_key_is_refused()
    {
        await using var api = await ApiUnderTest.StartAsync(StoreEngine.Sqlite);
        var (node, key) = (api.Node, api.Key);
        var body = new { returns = new[] { Row("2026-07", 412) } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(node, null, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(node, key[..^2] + "xx", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(node, "not-a-key", body)).StatusCode);
        Assert.Equal(0, await LedgerRowsAsync(node));
    }

    [Fact]
    public async Task An_administrator_key_cannot_submit_returns()
    {
        await using var api = await ApiUnderTest.StartAsync(StoreEngine.Sqlite);
        var (node, key) = (api.Node, api.Key);
        var admin = await node.Services.GetRequiredService<Scrutiny.Silo.Security.ApiKeyStore>().CreateAsync(null, isAdmin: true);

        var response = await PostAsync(node, admin, new { returns = new[] { Row("2026-07", 412) } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_locked_period_is_refused_until_an_administrator_reopens_it_for_the_agency(StoreEngine engine)
    {
        await using var api = await ApiUnderTest.StartAsync(engine);
        var (node, key) = (api.Node, api.Key);
        // Due 30 days after July ends, locked 10 days after that: long locked by now.
        await node.CatalogueWriter.SetScheduleAsync(new Scrutiny.Grains.Catalogue.IndicatorSchedule("emergency-admissions-65plus", 30, 10, null));
        var body = new { returns = new[] { Row("2026-07", 412) } };

        var locked = await PostAsync(node, key, body);
        var admin = await node.Services.GetRequiredService<Scrutiny.Silo.Security.ApiKeyStore>().CreateAsync(null, isAdmin: true);
        var reopen = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agencies/MFT/reopenings")
        {
            Content = JsonContent.Create(new { indicator = "emergency-admissions-65plus", period = "2026-07", reason = "Trust's late coding audit" }),
        };
        reopen.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", admin);
        Assert.Equal(HttpStatusCode.Created, (await node.Http.SendAsync(reopen)).StatusCode);
        var reopened = await PostAsync(node, key, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
        var error = (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal(("period", "locked_period"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(1, await LedgerRowsAsync(node));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_second_source_for_a_single_source_indicator_is_refused_with_409(StoreEngine engine)
    {
        await using var api = await ApiUnderTest.StartAsync(engine);
        var (node, key) = (api.Node, api.Key);
        const string involved = "residents-feel-involved";
        await node.CatalogueWriter.UpsertIndicatorsAsync([new Scrutiny.Grains.Catalogue.IndicatorDefinition(involved,
            "Residents who feel involved", "citizen_voice", Scrutiny.Grains.Catalogue.IndicatorUnit.Percentage,
            Scrutiny.Grains.Catalogue.Polarity.HigherIsBetter, Scrutiny.Grains.Catalogue.Frequency.Quarterly,
            Scrutiny.Grains.Catalogue.CombineMethod.SingleSource)]);
        await node.CatalogueWriter.AssignIndicatorsAsync("MFT", ["emergency-admissions-65plus", involved]);
        // The council already returns it for Manchester (as it did before any reassignment).
        await node.Services.GetRequiredService<IGrainFactory>().GetGrain<Scrutiny.Grains.Contracts.IIndicatorGrain>($"E08000003/{involved}")
            .SubmitAsync(new Scrutiny.Grains.Contracts.ReturnSubmission("b0", "test", DateTimeOffset.UtcNow,
                [new Scrutiny.Grains.Contracts.ReturnedValue("2026-Q2", "MCC", 40, 100, null)]));

        var response = await PostAsync(node, key, new { returns = new[] { Row("2026-Q2", 45, 100, indicator: involved) } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal((1, "indicator", "other_source"), (error.GetProperty("row").GetInt32(), error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        Assert.Contains("MCC", error.GetProperty("message").GetString());
        Assert.Equal(1, await LedgerRowsAsync(node));
    }
}

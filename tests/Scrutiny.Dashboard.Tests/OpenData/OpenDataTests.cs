using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scrutiny.Dashboard.Tests.Boards;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Store;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.OpenData;

/// <summary>
/// Published data through the API without a key, over real HTTP: every open route anonymously while a value is
/// accepted and not released (on both engines), the per-address budget, validators and 304, CORS, and the OpenAPI
/// document's word on keys and its examples.
/// </summary>
public sealed class OpenDataTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // No case is stated for the discharges commitment: its case answers 404, for everyone alike.
    private static readonly string[] NotFoundForEveryone = ["/api/v1/boards/{id}/cases/{subject}"];

    [Theory]
    [InlineData(StoreEngine.Sqlite)]
    [InlineData(StoreEngine.Postgres)]
    public async Task Every_open_read_answers_without_a_key_and_no_answer_holds_an_unreleased_value(StoreEngine engine)
    {
        await using var app = await DashboardApp.StartAsync(engine, new CapturingLogs());
        var c = await OpenDataCase.SeedAsync(app);
        using var anonymous = BoardCase.Client(app, null);
        using var admin = BoardCase.Client(app, c.Board.AdminKey);
        var routes = OpenDataCase.OpenRoutes();
        Assert.True(routes.Count >= 25, string.Join("\n", routes));

        var wrong = new List<string>();
        var seenByAdministrator = new List<string>();
        foreach (var route in routes)
            foreach (var query in new[] { "", "?format=csv", "?format=xlsx", $"?period={OpenDataCase.UnreleasedMonth}" })
            {
                var path = c.Fill(route) + query;
                using var response = await anonymous.GetAsync(path, Cancel);
                var body = await Exports.TableWorkbooks.BodyAsync(response, Cancel);
                if (query == "" && response.StatusCode != (NotFoundForEveryone.Contains(route) ? HttpStatusCode.NotFound : HttpStatusCode.OK))
                    wrong.Add($"{path}: {(int)response.StatusCode} {body}");
                if ((int)response.StatusCode is 401 or 403 or >= 500) wrong.Add($"{path}: {(int)response.StatusCode}");
                if (body.Contains(OpenDataCase.UnreleasedText, StringComparison.Ordinal)) wrong.Add($"{path} told the public the unreleased value");
                using var keyed = await admin.GetAsync(path, Cancel);
                if ((await Exports.TableWorkbooks.BodyAsync(keyed, Cancel)).Contains(OpenDataCase.UnreleasedText, StringComparison.Ordinal)) seenByAdministrator.Add(path);
            }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        // The value is there to be leaked: an administrator's key reads it where values are shown.
        var series = $"/api/v1/places/{Manchester}/indicators/{DelayedDays}/series";
        Assert.Contains(series, seenByAdministrator);
        Assert.Contains(series + "?format=csv", seenByAdministrator);
        Assert.Contains(series + "?format=xlsx", seenByAdministrator);
        Assert.Contains($"/api/v1/places/{Manchester}/indicators/{DelayedDays}/revisions", seenByAdministrator);
        Assert.Contains($"/api/v1/places/{Manchester}/indicators", seenByAdministrator);
        Assert.Contains($"/api/v1/places/{Manchester}/indicators?format=csv", seenByAdministrator);
        // The public's latest is the last released month, in a table as in JSON.
        using var latest = await anonymous.GetAsync($"/api/v1/places/{Manchester}/indicators?format=csv", Cancel);
        var table = await latest.Content.ReadAsStringAsync(Cancel);
        Assert.Equal("text/csv", latest.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{Manchester},{DelayedDays},", table);
        Assert.Contains(",2025-10,40,40,,", table);
    }

    [Fact]
    public async Task An_address_over_its_anonymous_budget_gets_429_with_retry_after_while_a_key_from_it_still_reads()
    {
        await using var app = await DashboardApp.StartAsync(new Dictionary<string, string?>
        {
            ["Scrutiny:RateLimits:AnonymousApiReadsPerMinute"] = "2",
        });
        var key = await SeedAsync(app);
        using var anonymous = BoardCase.Client(app, null);
        using var keyed = BoardCase.Client(app, key);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++) statuses.Add((await anonymous.GetAsync("/api/v1/places", Cancel)).StatusCode);
        // From a web page: the refusal is readable there too, its wait included.
        using var refused = await SendAsync(anonymous, $"/api/v1/places/{Manchester}/indicators/{Admissions}/series",
            r => r.Headers.Add("Origin", "https://residents.example.org"));
        using var withKey = await keyed.GetAsync("/api/v1/places", Cancel);
        using var page = await anonymous.GetAsync("/", Cancel);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetInt32());
        Assert.Equal(["*"], refused.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_resident_reads_a_series_with_no_key_and_revalidates_it_with_its_etag_until_a_new_return_changes_it()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedAsync(app);
        await Returns.PostAsync(app, key, Admission("2026-01", 400));
        var series = $"/api/v1/places/{Manchester}/indicators/{Admissions}/series";
        // As curl sends it: no key, no cookie, nothing but the address.
        using var curl = new HttpClient { BaseAddress = app.BaseAddress };

        using var first = await curl.GetAsync(series, Cancel);
        var etag = first.Headers.ETag;
        using var again = await ConditionalAsync(curl, series, etag!.Tag);
        using var csv = await curl.GetAsync(series + "?format=csv", Cancel);
        using var csvAgain = await ConditionalAsync(curl, series + "?format=csv", csv.Headers.ETag!.Tag);
        using var sinceOnly = await SendAsync(curl, series, r => r.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(1));
        using var agency = BoardCase.Client(app, key);
        using var keyed = await agency.GetAsync(series, Cancel);
        await Returns.PostAsync(app, key, Admission("2026-02", 412));
        using var changed = await ConditionalAsync(curl, series, etag.Tag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2026-01", (await first.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("points")[0].GetProperty("period").GetString());
        Assert.False(etag.IsWeak);
        Assert.Equal(ConditionalGets.CacheControl, first.Headers.CacheControl?.ToString());
        Assert.Equal(["Authorization", "Origin", "Accept-Encoding"], first.Headers.Vary);
        Assert.Null(first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(etag, csv.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, csvAgain.StatusCode);
        // No Last-Modified is sent, so If-Modified-Since alone is not answered with 304.
        Assert.Equal(HttpStatusCode.OK, sinceOnly.StatusCode);
        // A key's answer is its holder's: no validator for a shared cache, and not to be stored.
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.Null(keyed.Headers.ETag);
        Assert.True(keyed.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("points").GetArrayLength());
    }

    [Fact]
    public async Task Any_origin_may_read_published_data_but_not_write_nor_read_keyed_routes_or_pages()
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedAsync(app);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        const string origin = "https://residents.example.org";
        var series = $"/api/v1/places/{Manchester}/indicators/{Admissions}/series";

        using var get = await SendAsync(http, series, r => r.Headers.Add("Origin", origin));
        using var preflight = await PreflightAsync(http, series, "GET", "if-none-match");
        using var post = await SendAsync(http, "/api/v1/returns", r =>
        {
            r.Method = HttpMethod.Post;
            r.Headers.Add("Origin", origin);
            r.Content = JsonContent.Create(new { returns = Array.Empty<object>() });
        });
        using var writePreflight = await PreflightAsync(http, "/api/v1/returns", "POST", "content-type");
        using var putPreflight = await PreflightAsync(http, $"/api/v1/places/{Manchester}/indicators/{Admissions}/target", "PUT", "content-type");
        using var keyedRead = await SendAsync(http, "/api/v1/inbox", r => r.Headers.Add("Origin", origin));
        using var page = await SendAsync(http, "/", r => r.Headers.Add("Origin", origin));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(["*"], get.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.False(get.Headers.Contains("Access-Control-Allow-Credentials"));
        var exposed = string.Join(",", get.Headers.GetValues("Access-Control-Expose-Headers"));
        foreach (var header in new[] { "ETag", "Last-Modified", "Retry-After" }) Assert.Contains(header, exposed, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(["*"], preflight.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Contains("if-none-match", string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("GET", string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Methods")));
        foreach (var refused in new[] { post, writePreflight, putPreflight, keyedRead, page })
            Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"), refused.RequestMessage!.RequestUri!.ToString());
    }

    [Fact]
    public async Task The_openapi_document_says_which_reads_need_no_key_and_shows_answers_like_the_real_ones()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await OpenDataCase.SeedAsync(app);
        using var anonymous = BoardCase.Client(app, null);

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancel);

        Assert.Equal("apiKey", document.GetProperty("components").GetProperty("securitySchemes").GetProperty(OpenDataOpenApi.KeyScheme).GetProperty("type").GetString());
        var paths = document.GetProperty("paths");
        foreach (var route in OpenDataCase.OpenRoutes())
        {
            var operation = paths.GetProperty(route).GetProperty("get");
            var security = operation.GetProperty("security").EnumerateArray().ToList();
            Assert.Contains(security, requirement => requirement.EnumerateObject().Any() == false);
            Assert.StartsWith("No key needed", operation.GetProperty("description").GetString());
        }
        var inbox = paths.GetProperty("/api/v1/inbox").GetProperty("get").GetProperty("security").EnumerateArray().ToList();
        Assert.All(inbox, requirement => Assert.True(requirement.TryGetProperty(OpenDataOpenApi.KeyScheme, out _)));

        foreach (var (route, operationId) in new[]
                 {
                     ("/api/v1/places", "ListPlaces"),
                     ("/api/v1/places/{place}/indicators/{indicator}/series", "GetSeries"),
                     ("/api/v1/places/{place}/indicators/{indicator}/benchmarks", "GetBenchmarks"),
                     ("/api/v1/boards/{id}/commitments", "GetBoardRecords"),
                 })
        {
            var operation = paths.GetProperty(route).GetProperty("get");
            Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
            var example = JsonNode.Parse(operation.GetProperty("responses").GetProperty("200").GetProperty("content")
                .GetProperty("application/json").GetProperty("example").GetRawText())!;
            var real = JsonNode.Parse(await anonymous.GetStringAsync(c.Fill(route), Cancel))!;
            var invented = Shape(example).Except(Shape(real)).ToList();
            var missing = Names(real).Except(Names(example)).ToList();
            Assert.True(invented.Count == 0 && missing.Count == 0,
                $"{operationId}: the example has {string.Join(", ", invented)} that the answer has not, lacks {string.Join(", ", missing)}; the answer:\n{real.ToJsonString()}");
        }
    }

    /// <summary>Every property path of a JSON value ("points[].period"), arrays by their items.</summary>
    private static HashSet<string> Shape(JsonNode? node, string at = "")
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    paths.Add(at + name);
                    paths.UnionWith(Shape(value, $"{at}{name}."));
                }
                break;
            case JsonArray a:
                foreach (var item in a) paths.UnionWith(Shape(item, at.Length == 0 ? "[]." : $"{at.TrimEnd('.')}[]."));
                break;
        }
        return paths;
    }

    /// <summary>The top-level property names of an object, or of an array's items.</summary>
    private static HashSet<string> Names(JsonNode node) => node switch
    {
        JsonObject o => [.. o.Select(p => p.Key)],
        JsonArray a => [.. a.OfType<JsonObject>().SelectMany(o => o.Select(p => "[]." + p.Key))],
        _ => [],
    };

    private static async Task<string> SeedAsync(DashboardApp app) => await TestCatalogue.SeedAsync(app);

    private static object Admission(string period, double numerator) =>
        new { place = Manchester, indicator = Admissions, period, numerator, denominator = 61000.0 };

    private static Task<HttpResponseMessage> ConditionalAsync(HttpClient http, string path, string etag) =>
        SendAsync(http, path, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag)));

    private static Task<HttpResponseMessage> PreflightAsync(HttpClient http, string path, string method, string headers) =>
        SendAsync(http, path, r =>
        {
            r.Method = HttpMethod.Options;
            r.Headers.Add("Origin", "https://residents.example.org");
            r.Headers.Add("Access-Control-Request-Method", method);
            r.Headers.Add("Access-Control-Request-Headers", headers);
        });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, Action<HttpRequestMessage> shape)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        shape(request);
        return await http.SendAsync(request, Cancel);
    }
}

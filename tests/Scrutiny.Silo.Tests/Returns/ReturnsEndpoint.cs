using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Returns;

/// <summary>
/// A node on a fresh database with the minimal catalogue and an API key for agency MFT, and the ways the corpus,
/// idempotency and load tests talk to <c>POST /api/v1/returns</c> and look at the store.
/// </summary>
internal sealed class ReturnsEndpoint(TestDatabase database, TestNode node, string key) : IAsyncDisposable
{
    public const string Path = "/api/v1/returns";

    public TestNode Node => node;
    public string Key => key;
    public HttpClient Http => node.Http;

    public static async Task<ReturnsEndpoint> StartAsync(StoreEngine engine, IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(engine);
        try
        {
            var node = await TestNode.StartAsync(database, settings);
            await MinimalCatalogue.SeedAsync(node.CatalogueWriter);
            return new ReturnsEndpoint(database, node, await node.CreateAgencyKeyAsync("MFT"));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public HttpRequestMessage Request(HttpContent content, string query = "", string? idempotencyKey = null, bool authorise = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path + query) { Content = content };
        if (authorise) request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    public static HttpContent Csv(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    public static HttpContent Csv(string text) => Csv(Encoding.UTF8.GetBytes(text));

    public Task<HttpResponseMessage> PostCsvAsync(byte[] bytes, string query = "", string? idempotencyKey = null) =>
        Http.SendAsync(Request(Csv(bytes), query, idempotencyKey));

    public Task<HttpResponseMessage> PostCsvAsync(string text, string query = "", string? idempotencyKey = null) =>
        Http.SendAsync(Request(Csv(text), query, idempotencyKey));

    public Task<HttpResponseMessage> PostJsonAsync(object body, string query = "", string? idempotencyKey = null) =>
        Http.SendAsync(Request(JsonContent.Create(body), query, idempotencyKey));

    /// <summary>How many rows the returns tables hold: what a rejected batch must leave as it found.</summary>
    public async Task<StoreCounts> CountsAsync()
    {
        await using var connection = await node.Services.GetRequiredService<Database>().OpenAsync();
        return new StoreCounts(
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM returns_ledger"),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM return_batches"));
    }

    /// <summary>The notes in the ledger, by place, indicator and period (latest revision).</summary>
    public async Task<Dictionary<(string Place, string Indicator, string Period), string?>> LedgerNotesAsync()
    {
        await using var connection = await node.Services.GetRequiredService<Database>().OpenAsync();
        var rows = await connection.QueryAsync<(string Place, string Indicator, string Period, string? Note)>(
            "SELECT place_code, indicator_code, period, note FROM returns_ledger ORDER BY revision");
        var notes = new Dictionary<(string, string, string), string?>();
        foreach (var r in rows) notes[(r.Place, r.Indicator, r.Period)] = r.Note;
        return notes;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>The <c>errors</c> of a 422 as (row, field, code), in order.</summary>
    public static async Task<List<(int Row, string Field, string Code)>> ErrorsAsync(HttpResponseMessage response) =>
        [.. (await JsonAsync(response)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString()!, e.GetProperty("code").GetString()!))];

    public static async Task<(int Imported, int Updated, int Unchanged, bool DryRun)> SummaryAsync(HttpResponseMessage response)
    {
        var body = await JsonAsync(response);
        return (body.GetProperty("imported").GetInt32(), body.GetProperty("updated").GetInt32(),
            body.GetProperty("unchanged").GetInt32(), body.GetProperty("dryRun").GetBoolean());
    }

    public async ValueTask DisposeAsync()
    {
        await node.DisposeAsync();
        await database.DisposeAsync();
    }
}

internal sealed record StoreCounts(long Ledger, long Batches);

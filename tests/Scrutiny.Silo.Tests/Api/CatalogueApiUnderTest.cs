using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Api;

/// <summary>A node on a fresh database with the minimal catalogue, an administrator's key and agency MFT's key.</summary>
public sealed class CatalogueApiUnderTest(TestDatabase? ownedDatabase, TestNode node, string adminKey, string agencyKey) : IAsyncDisposable
{
    public TestNode Node => node;
    public string AdminKey => adminKey;
    public string AgencyKey => agencyKey;

    public static async Task<CatalogueApiUnderTest> StartAsync(StoreEngine engine, TimeProvider? time = null)
    {
        var database = await TestDatabase.CreateAsync(engine);
        return await StartAsync(database, seed: true, owned: database, time);
    }

    /// <summary>A node on a database the caller keeps (to start another node on it after this one stops).</summary>
    public static Task<CatalogueApiUnderTest> StartOnAsync(TestDatabase database, bool seed = true, TimeProvider? time = null) =>
        StartAsync(database, seed, owned: null, time);

    private static async Task<CatalogueApiUnderTest> StartAsync(TestDatabase database, bool seed, TestDatabase? owned, TimeProvider? time)
    {
        var node = await TestNode.StartAsync(database, time: time);
        if (seed) await MinimalCatalogue.SeedAsync(node.CatalogueWriter);
        var admin = await node.Services.GetRequiredService<ApiKeyStore>().CreateAsync(null, isAdmin: true);
        return new CatalogueApiUnderTest(owned, node, admin, await node.CreateAgencyKeyAsync("MFT"));
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? key) => SendAsync(HttpMethod.Get, path, key, null);

    public Task<HttpResponseMessage> PutAsync(string path, string? key, object body) =>
        SendAsync(HttpMethod.Put, path, key, JsonContent.Create(body));

    public Task<HttpResponseMessage> PostAsync(string path, string? key, object body) =>
        SendAsync(HttpMethod.Post, path, key, JsonContent.Create(body));

    public Task<HttpResponseMessage> PostCsvAsync(string path, string? key, string csv) =>
        SendAsync(HttpMethod.Post, path, key, new StringContent(csv, Encoding.UTF8, "text/csv"));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        // A large body waits for the server's go-ahead, as curl does: a server that refuses it on its length (413)
        // answers before the body is sent, rather than closing the connection under a client still writing.
        if (content?.Headers.ContentLength > 64 * 1024) request.Headers.ExpectContinue = true;
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return await node.Http.SendAsync(request);
    }

    /// <summary>Submits returns as agency MFT, which must succeed.</summary>
    public async Task SubmitAsync(params object[] returns)
    {
        var response = await PostAsync("/api/v1/returns", agencyKey, new { returns });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await node.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public async ValueTask DisposeAsync()
    {
        await node.DisposeAsync();
        if (ownedDatabase is not null) await ownedDatabase.DisposeAsync();
    }
}

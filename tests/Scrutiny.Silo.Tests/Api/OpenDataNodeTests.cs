using System.Net;
using System.Net.Http.Headers;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Tests.Api;

/// <summary>
/// A headless node (no dashboard, its routing implicit) serves open data as the dashboard does: anonymously, with a
/// validator and CORS, a preflight answered before any key is asked for.
/// </summary>
public sealed class OpenDataNodeTests
{
    [Fact]
    public async Task A_headless_node_answers_open_reads_without_a_key_with_an_etag_and_cors()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        var http = api.Node.Http;

        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/indicators");
        get.Headers.Add("Origin", "https://residents.example.org");
        using var read = await http.SendAsync(get, TestContext.Current.CancellationToken);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/indicators");
        conditional.Headers.IfNoneMatch.Add(read.Headers.ETag!);
        using var notModified = await http.SendAsync(conditional, TestContext.Current.CancellationToken);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/indicators");
        preflight.Headers.Add("Origin", "https://residents.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        using var preflighted = await http.SendAsync(preflight, TestContext.Current.CancellationToken);
        using var keyed = await api.GetAsync("/api/v1/indicators", api.AgencyKey);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(["*"], read.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal("public, max-age=60", read.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, preflighted.StatusCode);
        Assert.Equal(["*"], preflighted.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Null(keyed.Headers.ETag);
        Assert.Equal(new CacheControlHeaderValue { NoStore = true }, keyed.Headers.CacheControl);
    }
}

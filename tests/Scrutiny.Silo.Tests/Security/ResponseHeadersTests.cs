using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Security;

/// <summary>
/// What a headless node's answers say about themselves: nothing of the server that sent them, and, when they answer a
/// key, that no cache (a shared proxy's least of all) may keep them.
/// </summary>
public sealed class ResponseHeadersTests
{
    [Fact]
    public async Task Answers_to_a_key_are_not_stored_and_no_answer_names_the_server()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var node = await TestNode.StartAsync(database);
        var key = await node.Services.GetRequiredService<ApiKeyStore>().CreateAsync(null, isAdmin: true);

        using var keyed = await GetAsync(node, "/api/v1/places", key);
        using var keyedCsv = await GetAsync(node, "/api/v1/audit?format=csv", key);
        using var anonymous = await GetAsync(node, "/openapi/v1.json", null);

        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.True(keyed.Headers.CacheControl?.NoStore, "a keyed JSON answer is no-store");
        Assert.True(keyedCsv.Headers.CacheControl?.NoStore, "a keyed CSV answer is no-store");
        // Anonymous answers are the endpoint's to describe: the same for everyone, so a cache may keep them.
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Null(anonymous.Headers.CacheControl);
        foreach (var response in new[] { keyed, keyedCsv, anonymous }) Assert.False(response.Headers.Contains("Server"));
    }

    private static Task<HttpResponseMessage> GetAsync(TestNode node, string path, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue(ScrutinyAuth.ApiKeyScheme, key);
        return node.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Security;

/// <summary>
/// Guessing keys is held to a budget per client address: past it, every key from that address is answered 429 with
/// Retry-After before it is checked, so that a good guess looks the same as a bad one.
/// </summary>
public sealed class FailedKeyBudgetTests
{
    [Fact]
    public async Task Unknown_keys_past_the_budget_are_answered_429_with_Retry_After_and_the_right_key_too()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var node = await TestNode.StartAsync(database, new Dictionary<string, string?>
        {
            [$"{RateLimitOptions.Section}:{nameof(RateLimitOptions.FailedAuthenticationsPerMinute)}"] = "3",
        });
        var key = await node.Services.GetRequiredService<ApiKeyStore>().CreateAsync(null, isAdmin: true);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await GetAsync(node, $"scr_{i:x12}_guess")).StatusCode);
        using var right = await GetAsync(node, key);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_good_key_spends_nothing_of_the_budget()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var node = await TestNode.StartAsync(database, new Dictionary<string, string?>
        {
            [$"{RateLimitOptions.Section}:{nameof(RateLimitOptions.FailedAuthenticationsPerMinute)}"] = "1",
        });
        var key = await node.Services.GetRequiredService<ApiKeyStore>().CreateAsync(null, isAdmin: true);

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await GetAsync(node, key)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(node, "scr_000000000000_guess")).StatusCode);
    }

    private static Task<HttpResponseMessage> GetAsync(TestNode node, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/places");
        request.Headers.Authorization = new AuthenticationHeaderValue(ScrutinyAuth.ApiKeyScheme, key);
        return node.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

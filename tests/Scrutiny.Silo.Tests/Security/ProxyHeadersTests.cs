using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Security;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed from the proxies in Scrutiny:Proxy only; with none configured
/// (the default), they are ignored, since any client can send them.
/// </summary>
public sealed class ProxyHeadersTests
{
    private const string Client = "203.0.113.7";

    private static readonly Dictionary<string, string?> BehindLoopbackProxy = new() { ["Scrutiny:Proxy:KnownProxies:0"] = "127.0.0.1" };

    [Theory]
    [InlineData(true, Client)]
    [InlineData(false, "127.0.0.1")]
    public async Task The_audit_records_the_forwarded_address_only_from_a_known_proxy(bool knownProxy, string recorded)
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var node = await TestNode.StartAsync(database, knownProxy ? BehindLoopbackProxy : null);
        await MinimalCatalogue.SeedAsync(node.CatalogueWriter);
        var admin = await node.Services.GetRequiredService<ApiKeyStore>().CreateAsync(null, isAdmin: true);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agencies/MFT/keys") { Content = JsonContent.Create(new { label = "Proxy" }) };
        request.Headers.Add("Authorization", $"ApiKey {admin}");
        request.Headers.Add("X-Forwarded-For", Client);
        using var response = await node.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var connection = await node.Services.GetRequiredService<Database>().OpenAsync();
        Assert.Equal(recorded, await connection.ExecuteScalarAsync<string>(
            "SELECT source FROM audit_log WHERE action = @action AND detail LIKE '%Proxy%'", new { action = ApiKeyStore.CreatedAction }));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task HSTS_follows_the_scheme_the_proxy_forwards_only_from_a_known_proxy(bool knownProxy, bool hsts)
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var node = await TestNode.StartAsync(database, knownProxy ? BehindLoopbackProxy : null);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        // A host name of its own: HSTS is never sent to localhost or a loopback address.
        request.Headers.Host = "scrutiny.example.org";
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await node.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(hsts, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_proxy_that_is_not_an_address_stops_the_node_naming_the_setting()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);

        var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
            TestNode.StartAsync(database, new Dictionary<string, string?> { ["Scrutiny:Proxy:KnownNetworks:0"] = "10.0.0.0/99" }));

        Assert.Contains("Scrutiny:Proxy:KnownNetworks:0", refused.Message);
    }
}

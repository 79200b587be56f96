using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Api;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Security;

/// <summary>Keys expire, are revoked, note their last use, and are listed (by administrators only) without their secret.</summary>
public sealed class ApiKeyLifecycleTests
{
    private const string Places = "/api/v1/places";

    [Theory, ClassData(typeof(Engines))]
    public async Task An_expired_key_is_refused_from_its_expiry_to_the_second_though_checked_a_moment_before(StoreEngine engine)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var api = await CatalogueApiUnderTest.StartAsync(engine, clock);
        var keys = api.Node.Services.GetRequiredService<ApiKeyStore>();
        var created = await keys.CreateAsync(new NewApiKey("MFT", false, "Soon gone", clock.GetUtcNow().AddSeconds(10)), "test");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(Places, created.Key)).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(Places, created.Key)).StatusCode);

        // Well within the cache's lifetime (30 s), but the key's own time is up.
        clock.Advance(TimeSpan.FromSeconds(1));
        var refused = await api.GetAsync(Places, created.Key);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("expired", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("MFT", await refused.Content.ReadAsStringAsync());
        Assert.Null(await keys.FindAsync(created.Key));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_revoked_key_is_refused_at_once_and_the_revocation_is_audited(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        var keys = api.Node.Services.GetRequiredService<ApiKeyStore>();
        var key = await api.Node.CreateAgencyKeyAsync("MFT");
        var id = key.Split('_')[1];
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(Places, key)).StatusCode);

        var revoked = await api.PostAsync($"/api/v1/api-keys/{id}/revoke", api.AdminKey, new { });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        var refused = await api.GetAsync(Places, key);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("revoked", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync("/api/v1/returns", key, new { returns = Array.Empty<object>() })).StatusCode);
        var summary = (await keys.FindSummaryAsync(id))!;
        Assert.StartsWith("api-key:", summary.RevokedBy);
        Assert.Equal(1, await api.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'api_key_revoked' AND subject = 'scr_{id}' AND source = '127.0.0.1'"));
        // Revoking again changes nothing and audits nothing.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/api-keys/{id}/revoke", api.AdminKey, new { })).StatusCode);
        Assert.Equal(1, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'api_key_revoked'"));
    }

    [Fact]
    public async Task An_unknown_key_or_a_wrong_secret_gets_a_bare_401_that_tells_nothing()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        var key = await api.Node.CreateAgencyKeyAsync("MFT");
        await api.Node.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(key.Split('_')[1], "test");

        // The revoked key's id with another secret: its holder does not hold the key, so learns nothing of its state.
        foreach (var presented in new[] { "scr_000000000000_nope", key[..^4] + "AAAA", "not-a-key" })
        {
            var response = await api.GetAsync(Places, presented);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Last_use_is_noted_on_success_at_most_once_a_minute()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var node = await TestNode.StartAsync(database);
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var keys = StoreOnItsOwn(node, clock);
        var created = await keys.CreateAsync(new NewApiKey(null, true), "test");
        Assert.Null((await keys.FindSummaryAsync(created.Id))!.LastUsedAt);

        await keys.CheckAsync(created.Key);
        var first = (await keys.FindSummaryAsync(created.Id))!.LastUsedAt;
        clock.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 5; i++) await keys.CheckAsync(created.Key);
        var withinTheMinute = (await keys.FindSummaryAsync(created.Id))!.LastUsedAt;
        // Another node (another store object) within the minute does not write either.
        await StoreOnItsOwn(node, clock).CheckAsync(created.Key);
        var otherNode = (await keys.FindSummaryAsync(created.Id))!.LastUsedAt;
        clock.Advance(TimeSpan.FromSeconds(31));
        await keys.CheckAsync(created.Key);
        var later = (await keys.FindSummaryAsync(created.Id))!.LastUsedAt;
        await keys.CheckAsync(created.Key[..^1] + "x");

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), first);
        Assert.Equal(first, withinTheMinute);
        Assert.Equal(first, otherNode);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 1, 1, TimeSpan.Zero), later);
        Assert.Equal(later, (await keys.FindSummaryAsync(created.Id))!.LastUsedAt);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task An_administrator_makes_and_lists_keys_and_no_list_shows_a_secret(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);

        var made = await api.PostAsync("/api/v1/agencies/MFT/keys", api.AdminKey, new { label = "Finance upload", expiresDays = 90 });

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var created = await made.Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        var secret = key.Split('_', 3)[2];
        Assert.Equal($"scr_{created.GetProperty("id").GetString()}", created.GetProperty("prefix").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(Places, key)).StatusCode);
        var listed = await (await api.GetAsync("/api/v1/agencies/MFT/keys", api.AdminKey)).Content.ReadAsStringAsync();
        var all = await (await api.GetAsync("/api/v1/api-keys", api.AdminKey)).Content.ReadAsStringAsync();
        var mine = JsonDocument.Parse(listed).RootElement.EnumerateArray().Single(k => k.GetProperty("label").GetString() == "Finance upload");
        Assert.Equal("active", mine.GetProperty("state").GetString());
        Assert.True(mine.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(89));
        Assert.NotEqual(JsonValueKind.Null, mine.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal(2, JsonDocument.Parse(listed).RootElement.GetArrayLength());
        Assert.Equal(3, JsonDocument.Parse(all).RootElement.GetArrayLength());
        foreach (var text in new[] { listed, all, await AuditTextAsync(api) })
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(api.AgencyKey.Split('_', 3)[2], text);
        }
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await api.PostAsync("/api/v1/agencies/MFT/keys", api.AdminKey, new { expiresDays = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/v1/agencies/NOPE/keys", api.AdminKey, new { })).StatusCode);
    }

    [Fact]
    public async Task An_agency_cannot_list_make_or_revoke_keys_its_own_or_another_agencys()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        var other = await api.Node.CreateAgencyKeyAsync("MCC");
        var otherId = other.Split('_')[1];

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/api-keys", api.AgencyKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/agencies/MCC/keys", api.AgencyKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/agencies/MFT/keys", api.AgencyKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/api/v1/agencies/MCC/keys", api.AgencyKey, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/api-keys/{otherId}/revoke", api.AgencyKey, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/api-keys", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(Places, other)).StatusCode);
    }

    // Another node's view of the keys, as far as this test is concerned: its own clock and its own memory of checks.
    private static ApiKeyStore StoreOnItsOwn(TestNode node, TimeProvider clock) => new(node.Services.GetRequiredService<Database>(), clock,
        new ApiKeyCheckCache(new AccessCacheOptions(), clock), node.Services.GetRequiredService<AccessRevocations>());

    private static async Task<string> AuditTextAsync(CatalogueApiUnderTest api)
    {
        await using var connection = await api.Node.Services.GetRequiredService<Database>().OpenAsync();
        return string.Join("\n", await connection.QueryAsync<string>("SELECT actor || subject || detail FROM audit_log"));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Dapper;
using Orleans;
using Orleans.Runtime;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Dashboard.Tests.Nodes;

/// <summary>
/// A node believes a good key or a signed-in person for a while without asking the store (Scrutiny:AccessCache); a
/// revocation made anywhere reaches it through the change feed and is refused at once. The caches here last five minutes,
/// so a refusal within seconds is the notice's doing, never the cache running out.
/// </summary>
public sealed class RevocationNoticeTests
{
    private static readonly Dictionary<string, string?> LongMemory = new() { [$"{AccessCacheOptions.Section}:LifetimeSeconds"] = "300" };

    [Fact]
    public async Task A_key_revoked_behind_a_nodes_back_is_believed_from_memory_until_the_notice_arrives_then_refused()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var app = DashboardApp.StartOn(database, settings: LongMemory);
        var key = await TestCatalogue.SeedAsync(app);
        var id = key.Split('_')[1];
        Assert.Equal(HttpStatusCode.OK, await PlacesAsync(app, key));

        // Revoked in the store as another node would, without this node's ApiKeyStore.
        await using (var connection = await app.Get<Database>().OpenAsync(TestContext.Current.CancellationToken))
            await connection.ExecuteAsync("UPDATE api_keys SET revoked_at = @at WHERE id = @id",
                new { id, at = SqlDialect.Timestamp(DateTimeOffset.UtcNow, StoreEngine.Sqlite) });
        Assert.Equal(HttpStatusCode.OK, await PlacesAsync(app, key));

        await app.Get<IChangeFeed>().PublishAsync(Notice(AccessRevocations.ApiKeyKey, id));

        await RefusedWithinSecondsAsync(() => PlacesAsync(app, key));
    }

    [Fact]
    public async Task A_session_whose_password_changed_behind_a_nodes_back_ends_when_the_notice_arrives()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var app = DashboardApp.StartOn(database, settings: LongMemory);
        var person = await TestPeople.CreateAsync(app, "notice@example.org", "Nel Notice", PersonRole.Committee(TestPeople.Committee));
        using var session = new FormClient(app);
        await session.SignInAsync(person.Email, person.Password);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/password")).StatusCode);

        await using (var connection = await app.Get<Database>().OpenAsync(TestContext.Current.CancellationToken))
            await connection.ExecuteAsync("UPDATE people SET security_stamp = 'changed-elsewhere' WHERE id = @Id", new { person.Person.Id });
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/password")).StatusCode);

        await app.Get<IChangeFeed>().PublishAsync(Notice(AccessRevocations.PersonKey, person.Person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // The page needs a signed-in person: an ended session is sent to sign in.
        await RefusedWithinSecondsAsync(async () => (await session.GetAsync("/account/password")).StatusCode, HttpStatusCode.Redirect);
    }

    /// <summary>Two nodes on one database sharing one cluster (Orleans membership in the store): the notice crosses.</summary>
    [Fact]
    public async Task A_key_revoked_on_one_node_is_refused_at_once_on_another_node_that_had_it_in_memory()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        await using var a = DashboardApp.StartOn(database, settings: new Dictionary<string, string?>(LongMemory.Concat(ClusterNode.Settings("a"))));
        await using var b = DashboardApp.StartOn(database, settings: new Dictionary<string, string?>(LongMemory.Concat(ClusterNode.Settings("b"))));
        Assert.Equal(2, (await a.Get<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count);
        var key = await TestCatalogue.SeedAsync(a);
        var admin = await a.Get<ApiKeyStore>().CreateAsync(null, isAdmin: true);
        Assert.Equal(HttpStatusCode.OK, await PlacesAsync(b, key));

        using var http = new HttpClient { BaseAddress = a.BaseAddress };
        using var revoke = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/api-keys/{key.Split('_')[1]}/revoke") { Content = new StringContent("{}", null, "application/json") };
        revoke.Headers.Authorization = new AuthenticationHeaderValue(ScrutinyAuth.ApiKeyScheme, admin);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(revoke, TestContext.Current.CancellationToken)).StatusCode);

        await RefusedWithinSecondsAsync(() => PlacesAsync(b, key));
    }

    private static Change Notice(string key, string value) =>
        new(AccessRevocations.Kind, new Dictionary<string, string> { [key] = value }, [], null, null, DateTimeOffset.UtcNow);

    private static async Task<HttpStatusCode> PlacesAsync(DashboardApp app, string key)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/places");
        request.Headers.Authorization = new AuthenticationHeaderValue(ScrutinyAuth.ApiKeyScheme, key);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    // The notice goes through the feed grain, one-way: a moment, not the cache's five minutes.
    private static async Task RefusedWithinSecondsAsync(Func<Task<HttpStatusCode>> ask, HttpStatusCode refusal = HttpStatusCode.Unauthorized)
    {
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = await ask()) != refusal && clock.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(refusal, status);
    }
}

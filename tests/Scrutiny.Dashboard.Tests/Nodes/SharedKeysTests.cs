using System.Net;
using Dapper;
using Npgsql;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Dashboard.Tests.Nodes;

/// <summary>
/// Nodes a user cannot tell apart: the keys that sign the session cookie and antiforgery tokens are in the store, so a
/// form loaded from one node is posted to another, and a cookie outlives a restart.
/// </summary>
public sealed class SharedKeysTests
{
    private const string Chosen = "a far better password for nodes";

    [Fact]
    public async Task A_form_loaded_from_one_node_is_posted_to_another_on_the_same_database_and_not_to_a_node_on_another()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        await using var a = DashboardApp.StartOn(database);
        await using var b = DashboardApp.StartOn(database);
        var person = await TestPeople.CreateAsync(a, "nodes@example.org", "Nia Nodes", PersonRole.Committee(TestPeople.Committee));
        using var onA = new FormClient(a);
        Assert.Equal(HttpStatusCode.Redirect, (await onA.SignInAsync(person.Email, person.Password)).StatusCode);
        var token = await onA.AntiforgeryTokenAsync("/account/password");
        Assert.NotEmpty(token);

        // A node on a database of its own has a key ring of its own: it cannot read the cookie, so sends the person to sign in.
        await using var elsewhereDatabase = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        await using var elsewhere = DashboardApp.StartOn(elsewhereDatabase);
        using var refused = await PostChangeAsync(elsewhere, onA.CookieHeader!, token, person.Password);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/sign-in", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var accepted = await PostChangeAsync(b, onA.CookieHeader!, token, person.Password);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("Your password has been changed", await accepted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(PasswordSignInResult.SignedIn, (await a.Get<PasswordSignIn>().SignInAsync(person.Email, Chosen)).Result);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys WHERE name LIKE 'key-%'") >= 1);
    }

    [Fact]
    public async Task A_session_cookie_made_before_a_restart_on_SQLite_still_signs_its_person_in_after_it()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        string cookie;
        await using (var first = DashboardApp.StartOn(database))
        {
            var person = await TestPeople.CreateAsync(first, "restart@example.org", "Rey Restart", PersonRole.Committee(TestPeople.Committee));
            using var session = new FormClient(first);
            await session.SignInAsync(person.Email, person.Password);
            cookie = session.CookieHeader!;
        }

        await using var second = DashboardApp.StartOn(database);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = second.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/password");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("id=\"current-password\"", html);
        Assert.Contains("Rey Restart", html);
        await using var connection = await second.Get<Database>().OpenAsync(TestContext.Current.CancellationToken);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys WHERE name LIKE 'key-%'") >= 1);
    }

    [Fact]
    public async Task A_node_on_a_new_PostgreSQL_database_reads_its_key_ring_only_once_the_table_exists()
    {
        var logs = new CapturingLogs();
        await using var app = await DashboardApp.StartAsync(StoreEngine.Postgres, logs);

        // A protected payload made now, with the ring the node started with.
        using var session = new FormClient(app);
        Assert.NotEmpty(await session.AntiforgeryTokenAsync("/sign-in"));

        Assert.DoesNotContain(logs.Messages, m => m.Contains("DataProtection", StringComparison.Ordinal) && m.StartsWith("Error", StringComparison.Ordinal));
        await using var connection = await app.Get<Database>().OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys WHERE name LIKE 'key-%'"));
    }

    private static async Task<HttpResponseMessage> PostChangeAsync(DashboardApp node, string cookie, string token, string current)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = node.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/password")
        {
            Content = new FormUrlEncodedContent([
                new("_handler", "change-password"), new("__RequestVerificationToken", token), new(PersonProblem.CurrentPasswordField, current),
                new(PersonProblem.NewPasswordField, Chosen), new(PersonProblem.ConfirmPasswordField, Chosen),
            ]),
        };
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

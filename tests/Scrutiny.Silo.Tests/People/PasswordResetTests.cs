using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.People;

/// <summary>An administrator's temporary password: shown once, good for a while, to be replaced at the next sign-in.</summary>
public sealed class PasswordResetTests
{
    private static readonly DateTimeOffset Start = new(2026, 8, 15, 9, 0, 0, TimeSpan.Zero);

    private sealed record Setup(TestSilo Silo, ManualTime Time, PeopleStore People, PasswordSignIn SignIn, PasswordChanges Changes, PersonCreation Person)
        : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Silo.DisposeAsync();
    }

    private static async Task<Setup> StartAsync(TestDatabase database, IDictionary<string, string?>? settings = null)
    {
        var silo = await TestSilo.StartAsync(database, settings);
        await silo.SeedMinimalCatalogueAsync();
        var time = new ManualTime(Start);
        var people = ActivatorUtilities.CreateInstance<PeopleStore>(silo.Services, (TimeProvider)time);
        var signIn = ActivatorUtilities.CreateInstance<PasswordSignIn>(silo.Services, (TimeProvider)time, people);
        var changes = ActivatorUtilities.CreateInstance<PasswordChanges>(silo.Services, (TimeProvider)time, people, signIn);
        var person = await people.CreateAsync("sam@example.org", "Sam", [PersonRole.Agency("MFT")], "test");
        return new Setup(silo, time, people, signIn, changes, person);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_temporary_password_replaces_the_old_one_unlocks_must_be_changed_and_is_audited_without_it(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var setup = await StartAsync(database);
        var id = setup.Person.Person!.Id;
        for (var i = 0; i < PasswordSignIn.MaxFailures; i++) await setup.SignIn.SignInAsync("sam@example.org", "wrong");

        var reset = await setup.Changes.ResetAsync(id, "person:99");

        Assert.Null(reset.Problem);
        Assert.Equal(Start + TimeSpan.FromHours(72), reset.ExpiresAt);
        Assert.True(reset.Person!.MustChangePassword);
        Assert.NotEqual(setup.Person.Person.SecurityStamp, reset.Person.SecurityStamp);
        Assert.Equal(PasswordSignInResult.Wrong, (await setup.SignIn.SignInAsync("sam@example.org", setup.Person.Password!)).Result);
        var (result, person) = await setup.SignIn.SignInAsync("sam@example.org", reset.Password!);
        Assert.Equal(PasswordSignInResult.SignedIn, result);
        Assert.True(person!.MustChangePassword);
        await using var connection = await setup.Silo.Database.OpenAsync();
        var audit = await connection.QuerySingleAsync<(string Actor, string Subject, string Detail)>(
            "SELECT actor, subject, detail FROM audit_log WHERE action = @action", new { action = PasswordChanges.ResetAction });
        Assert.Equal(("person:99", $"person:{id}"), (audit.Actor, audit.Subject));
        Assert.DoesNotContain(reset.Password!, audit.Detail);

        var chosen = await setup.Changes.ChangeAsync(id, reset.Password, "plum kettle harbour lantern", "plum kettle harbour lantern");
        Assert.False(chosen.Person!.MustChangePassword);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task An_expired_temporary_password_is_refused_like_a_wrong_one_and_cannot_be_changed(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var setup = await StartAsync(database, new Dictionary<string, string?> { ["Scrutiny:People:TemporaryPasswordHours"] = "2" });
        var reset = await setup.Changes.ResetAsync(setup.Person.Person!.Id, "test");

        setup.Time.Now = Start + TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1);
        Assert.Equal(PasswordSignInResult.SignedIn, (await setup.SignIn.SignInAsync("sam@example.org", reset.Password!)).Result);
        setup.Time.Now = Start + TimeSpan.FromHours(2);
        Assert.Equal(PasswordSignInResult.Expired, (await setup.SignIn.SignInAsync("sam@example.org", reset.Password!)).Result);

        var change = await setup.Changes.ChangeAsync(setup.Person.Person.Id, reset.Password, "plum kettle harbour lantern", "plum kettle harbour lantern");
        Assert.Contains("expired", Assert.Single(change.Problems).Message);
        // Not counted as a wrong password: a new temporary password is all it takes.
        await using var connection = await setup.Silo.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT failed_attempts FROM people"));
    }

    [Fact]
    public async Task A_disabled_person_gets_no_temporary_password()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var setup = await StartAsync(database);
        await setup.People.DisableAsync(setup.Person.Person!.Id, "test");

        var reset = await setup.Changes.ResetAsync(setup.Person.Person.Id, "test");

        Assert.Equal(PersonProblem.ResetPasswordField, reset.Problem!.Field);
        Assert.Null(reset.Password);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task A_lifetime_of_no_time_stops_the_node_naming_the_setting(string hours)
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestSilo.StartAsync(database, new Dictionary<string, string?> { ["Scrutiny:People:TemporaryPasswordHours"] = hours }));

        Assert.Contains("Scrutiny:People:TemporaryPasswordHours", refused.Message);
    }
}

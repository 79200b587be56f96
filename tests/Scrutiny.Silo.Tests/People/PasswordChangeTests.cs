using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.People;

/// <summary>A person choosing their own password: the rules, the proof, the new stamp, the audit.</summary>
public sealed class PasswordChangeTests
{
    private const string Chosen = "plum kettle harbour lantern";

    private static async Task<(TestSilo Silo, PasswordChanges Changes, PersonCreation Person)> StartAsync(TestDatabase database)
    {
        var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();
        var person = await silo.Services.GetRequiredService<PeopleStore>().CreateAsync("sam@example.org", "Sam", [PersonRole.Agency("MFT")], "test");
        return (silo, silo.Services.GetRequiredService<PasswordChanges>(), person);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_changed_password_signs_in_the_old_one_does_not_the_stamp_changes_and_it_is_audited_without_either(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var (silo, changes, created) = await StartAsync(database);
        await using var _ = silo;
        var id = created.Person!.Id;

        var change = await changes.ChangeAsync(id, created.Password, Chosen, Chosen);

        Assert.Empty(change.Problems);
        Assert.NotEqual(created.Person.SecurityStamp, change.Person!.SecurityStamp);
        var signIn = silo.Services.GetRequiredService<PasswordSignIn>();
        Assert.Equal(PasswordSignInResult.SignedIn, (await signIn.SignInAsync("sam@example.org", Chosen)).Result);
        Assert.Equal(PasswordSignInResult.Wrong, (await signIn.SignInAsync("sam@example.org", created.Password!)).Result);
        await using var connection = await silo.Database.OpenAsync();
        var audit = await connection.QuerySingleAsync<(string Actor, string Subject, string Detail)>(
            "SELECT actor, subject, detail FROM audit_log WHERE action = @action", new { action = PasswordChanges.ChangedAction });
        Assert.Equal(($"person:{id}", $"person:{id}"), (audit.Actor, audit.Subject));
        Assert.DoesNotContain(Chosen, audit.Detail);
        Assert.DoesNotContain(created.Password!, audit.Detail);
        Assert.NotNull(await connection.ExecuteScalarAsync<object>("SELECT password_changed_at FROM people WHERE id = @id", new { id }));
    }

    [Theory]
    [InlineData("", Chosen, Chosen, PersonProblem.CurrentPasswordField, "Enter your current password")]
    [InlineData("wrong-password", Chosen, Chosen, PersonProblem.CurrentPasswordField, "Your current password is wrong")]
    [InlineData(null, "", "", PersonProblem.NewPasswordField, "Enter a new password")]
    [InlineData(null, "short one", "short one", PersonProblem.NewPasswordField, "15 characters or more")]
    [InlineData(null, "aaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaa", PersonProblem.NewPasswordField, "one character repeated")]
    [InlineData(null, "Sam@Example.org ", "Sam@Example.org ", PersonProblem.NewPasswordField, "email address")]
    [InlineData(null, Chosen, "", PersonProblem.ConfirmPasswordField, "Enter the new password again")]
    [InlineData(null, Chosen, Chosen + "!", PersonProblem.ConfirmPasswordField, "do not match")]
    public async Task A_change_that_breaks_a_rule_names_the_field_and_changes_nothing(
        string? current, string replacement, string confirmation, string field, string words)
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        var (silo, changes, created) = await StartAsync(database);
        await using var _ = silo;

        var change = await changes.ChangeAsync(created.Person!.Id, current ?? created.Password, replacement, confirmation);

        var problem = Assert.Single(change.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Contains(words, problem.Message);
        Assert.Null(change.Person);
        Assert.Equal(PasswordSignInResult.SignedIn,
            (await silo.Services.GetRequiredService<PasswordSignIn>().SignInAsync("sam@example.org", created.Password!)).Result);
    }

    [Fact]
    public async Task The_new_password_must_differ_from_the_current_one()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        var (silo, changes, created) = await StartAsync(database);
        await using var _ = silo;
        await changes.ChangeAsync(created.Person!.Id, created.Password, Chosen, Chosen);

        var again = await changes.ChangeAsync(created.Person.Id, Chosen, Chosen, Chosen);

        Assert.Equal([PersonProblem.NewPasswordField], again.Problems.Select(p => p.Field));
    }

    [Fact]
    public async Task Wrong_current_passwords_count_towards_the_lockout()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        var (silo, changes, created) = await StartAsync(database);
        await using var _ = silo;

        for (var i = 0; i < PasswordSignIn.MaxFailures; i++) await changes.ChangeAsync(created.Person!.Id, $"wrong-{i}", Chosen, Chosen);
        var locked = await changes.ChangeAsync(created.Person!.Id, created.Password, Chosen, Chosen);

        Assert.Contains("too many times", Assert.Single(locked.Problems).Message);
        Assert.Equal(PasswordSignInResult.LockedOut,
            (await silo.Services.GetRequiredService<PasswordSignIn>().SignInAsync("sam@example.org", created.Password!)).Result);
    }
}

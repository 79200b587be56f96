using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.People;

public sealed class PasswordSignInTests
{
    private static readonly DateTimeOffset Start = new(2026, 8, 15, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(TestSilo Silo, PasswordSignIn SignIn, ManualTime Time, PersonCreation Person)> StartAsync(TestDatabase database)
    {
        var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();
        var time = new ManualTime(Start);
        var people = ActivatorUtilities.CreateInstance<PeopleStore>(silo.Services, (TimeProvider)time);
        var signIn = ActivatorUtilities.CreateInstance<PasswordSignIn>(silo.Services, (TimeProvider)time, people);
        var person = await people.CreateAsync("Sam@Example.org", "Sam", [PersonRole.Agency("MFT")], "test");
        return (silo, signIn, time, person);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task The_right_password_signs_in_whatever_the_emails_case(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var (silo, signIn, _, created) = await StartAsync(database);
        await using var _ = silo;

        var (result, person) = await signIn.SignInAsync(" SAM@example.ORG ", created.Password!);

        Assert.Equal(PasswordSignInResult.SignedIn, result);
        Assert.Equal("sam@example.org", person!.Email);
        Assert.Equal([PersonRole.Agency("MFT")], person.Roles);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_against_the_right_one(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var (silo, signIn, time, created) = await StartAsync(database);
        await using var _ = silo;

        for (var i = 0; i < PasswordSignIn.MaxFailures; i++)
            Assert.Equal(PasswordSignInResult.Wrong, (await signIn.SignInAsync("sam@example.org", $"wrong-{i}")).Result);

        Assert.Equal(PasswordSignInResult.LockedOut, (await signIn.SignInAsync("sam@example.org", created.Password!)).Result);
        time.Now = Start + PasswordSignIn.LockoutDuration - TimeSpan.FromSeconds(1);
        Assert.Equal(PasswordSignInResult.LockedOut, (await signIn.SignInAsync("sam@example.org", created.Password!)).Result);
        time.Now = Start + PasswordSignIn.LockoutDuration;
        Assert.Equal(PasswordSignInResult.SignedIn, (await signIn.SignInAsync("sam@example.org", created.Password!)).Result);
        await using var connection = await silo.Database.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM audit_log WHERE action = '{PasswordSignIn.LockedOutAction}' AND subject = @subject",
            new { subject = PeopleStore.Subject(created.Person!.Id) }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT failed_attempts FROM people"));
    }

    [Fact]
    public async Task A_lock_that_ran_out_starts_the_count_again()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        var (silo, signIn, time, created) = await StartAsync(database);
        await using var _ = silo;
        for (var i = 0; i < PasswordSignIn.MaxFailures; i++) await signIn.SignInAsync("sam@example.org", "wrong");
        time.Now = Start + PasswordSignIn.LockoutDuration + TimeSpan.FromMinutes(1);

        Assert.Equal(PasswordSignInResult.Wrong, (await signIn.SignInAsync("sam@example.org", "wrong")).Result);

        Assert.Equal(PasswordSignInResult.SignedIn, (await signIn.SignInAsync("sam@example.org", created.Password!)).Result);
    }

    [Fact]
    public async Task An_unknown_email_and_a_disabled_person_are_refused()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        var (silo, signIn, _, created) = await StartAsync(database);
        await using var _ = silo;

        Assert.Equal(PasswordSignInResult.Wrong, (await signIn.SignInAsync("nobody@example.org", created.Password!)).Result);
        await silo.Services.GetRequiredService<PeopleStore>().DisableAsync(created.Person!.Id, "test");
        Assert.Equal(PasswordSignInResult.Disabled, (await signIn.SignInAsync("sam@example.org", created.Password!)).Result);
    }
}

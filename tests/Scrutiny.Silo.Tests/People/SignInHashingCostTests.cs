using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.People;

/// <summary>
/// A sign-in costs one password check of the same strength whoever it names and whatever state their account is in,
/// so that the time it takes says nothing about who has an account or whether it is locked. Counted, not timed: each
/// check the hasher makes is traced, and the test counts those of its own trace (tests running alongside have theirs).
/// </summary>
public sealed class SignInHashingCostTests
{
    private static readonly DateTimeOffset Start = new(2026, 8, 15, 9, 0, 0, TimeSpan.Zero);

    public enum AccountState { Unknown, WrongPassword, Locked, LockedRightPassword, Disabled, TemporaryExpired, SignedIn }

    [Theory]
    [InlineData(AccountState.Unknown)]
    [InlineData(AccountState.WrongPassword)]
    [InlineData(AccountState.Locked)]
    [InlineData(AccountState.LockedRightPassword)]
    [InlineData(AccountState.Disabled)]
    [InlineData(AccountState.TemporaryExpired)]
    [InlineData(AccountState.SignedIn)]
    public async Task Every_state_costs_one_check_of_the_same_strength(AccountState state)
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();
        var time = new ManualTime(Start);
        var people = ActivatorUtilities.CreateInstance<PeopleStore>(silo.Services, (TimeProvider)time);
        var signIn = ActivatorUtilities.CreateInstance<PasswordSignIn>(silo.Services, (TimeProvider)time, people);
        var created = await people.CreateAsync("sam@example.org", "Sam", [PersonRole.Agency("MFT")], "test");
        var (email, password) = await ArrangeAsync(state, silo, created.Person!.Id, created.Password!);

        var checks = await ChecksAsync(() => signIn.SignInAsync(email, password));

        var check = Assert.Single(checks);
        // The strength a stored hash has: the decoy's is the same, so an unknown address costs what a known one does.
        await using var connection = await silo.Database.OpenAsync();
        var stored = await connection.ExecuteScalarAsync<string>("SELECT password_hash FROM people");
        Assert.Equal(PersonPasswords.Strength(stored!), check.GetTagItem(PersonPasswords.StrengthTag));
    }

    private static async Task<(string Email, string Password)> ArrangeAsync(AccountState state, TestSilo silo, long id, string password)
    {
        await using var connection = await silo.Database.OpenAsync();
        var later = SqlDialect.Timestamp(Start.AddHours(1), silo.Database.Engine);
        var earlier = SqlDialect.Timestamp(Start.AddHours(-1), silo.Database.Engine);
        switch (state)
        {
            case AccountState.Unknown: return ("nobody@example.org", password);
            case AccountState.WrongPassword: return ("sam@example.org", "wrong");
            case AccountState.Locked or AccountState.LockedRightPassword:
                await connection.ExecuteAsync("UPDATE people SET locked_until = @later, failed_attempts = 5 WHERE id = @id", new { later, id });
                return ("sam@example.org", state == AccountState.Locked ? "wrong" : password);
            case AccountState.Disabled:
                await connection.ExecuteAsync("UPDATE people SET disabled_at = @earlier WHERE id = @id", new { earlier, id });
                return ("sam@example.org", password);
            case AccountState.TemporaryExpired:
                await connection.ExecuteAsync("UPDATE people SET temporary_password_expires_at = @earlier WHERE id = @id", new { earlier, id });
                return ("sam@example.org", password);
            default: return ("sam@example.org", password);
        }
    }

    /// <summary>The password checks <paramref name="act"/> makes: those traced under a trace of its own.</summary>
    private static async Task<List<Activity>> ChecksAsync(Func<Task> act)
    {
        var checks = new List<Activity>();
        using var root = new Activity("sign-in-under-test").Start();
        var trace = root.TraceId;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PersonPasswords.Tracing.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace && activity.OperationName == PersonPasswords.CheckActivity)
                    lock (checks) checks.Add(activity);
            },
        };
        ActivitySource.AddActivityListener(listener);
        await act();
        lock (checks) return [.. checks];
    }
}

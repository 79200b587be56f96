using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Hosting;

/// <summary>The silo executable's admin commands, run as a user runs them: a separate process.</summary>
public sealed class AdminCommandTests
{
    [Theory, ClassData(typeof(Engines))]
    public async Task Api_key_create_prints_a_working_key_last_and_stores_only_its_hash(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using (var silo = await TestSilo.StartAsync(database)) await silo.SeedMinimalCatalogueAsync();

        var (agencyExit, agencyLines) = await SiloCommand.RunAsync(database, "api-key", "create", "--agency", "MFT");
        var (adminExit, adminLines) = await SiloCommand.RunAsync(database, "api-key", "create", "--admin");

        Assert.Equal((0, 0), (agencyExit, adminExit));
        await using var node = await TestSilo.StartAsync(database);
        var keys = node.Services.GetRequiredService<ApiKeyStore>();
        Assert.Equal(new ApiKeyHolder(agencyLines[^1].Split('_', 3)[1], "MFT", false), await keys.FindAsync(agencyLines[^1]));
        Assert.True((await keys.FindAsync(adminLines[^1]))!.IsAdmin);
        await using var connection = await node.Database.OpenAsync();
        var stored = string.Join(" ", await connection.QueryAsync<string>("SELECT id || key_hash FROM api_keys"));
        Assert.DoesNotContain(agencyLines[^1].Split('_', 3)[2], stored);
    }

    [Fact]
    public async Task Seed_demo_runs_its_own_silo_writes_the_demo_through_the_grains_and_again_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);

        var (exit, lines) = await SiloCommand.RunAsync(database, "seed-demo");
        var first = await CountsAsync(database);
        var (again, _) = await SiloCommand.RunAsync(database, "seed-demo");

        Assert.Equal((0, "Demo data seeded."), (exit, lines[^1]));
        Assert.True(first.States > 200 && first.Ledger > 5000, $"{first.States} grain states, {first.Ledger} ledger rows");
        Assert.Equal((0, first), (again, await CountsAsync(database)));
        await using var node = await TestSilo.StartAsync(database);
        Assert.Empty(await node.Services.GetRequiredService<Scrutiny.Silo.Verification.StoreVerifier>().VerifyAsync());
    }

    private static async Task<(long States, long Ledger)> CountsAsync(TestDatabase database)
    {
        await using var connection = new Scrutiny.Silo.Store.GatedSqliteConnection(database.ConnectionString);
        return await connection.QuerySingleAsync<(long, long)>("SELECT (SELECT COUNT(*) FROM grain_state), (SELECT COUNT(*) FROM returns_ledger)");
    }

    [Fact]
    public async Task Person_create_prints_a_working_password_last_and_refuses_an_unknown_agency()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using (var silo = await TestSilo.StartAsync(database)) await silo.SeedMinimalCatalogueAsync();

        var (exit, lines) = await SiloCommand.RunAsync(database, "person", "create", "--email", "Sam@Example.org", "--name", "Sam Submitter",
            "--role", "agency:MFT", "--role", "committee:health-scrutiny");
        var (refusedExit, refusedLines) = await SiloCommand.RunAsync(database, "person", "create", "--email", "x@example.org", "--name", "X", "--role", "agency:NOPE");

        Assert.Equal((0, 2), (exit, refusedExit));
        await using var node = await TestSilo.StartAsync(database);
        var (result, person) = await node.Services.GetRequiredService<Scrutiny.Silo.People.PasswordSignIn>().SignInAsync("sam@example.org", lines[^1]);
        Assert.Equal(Scrutiny.Silo.People.PasswordSignInResult.SignedIn, result);
        Assert.Equal(["agency:MFT", "committee:health-scrutiny"], person!.Roles.Select(r => r.ToString()));
        Assert.Null(await node.Services.GetRequiredService<Scrutiny.Silo.People.PeopleStore>().FindByEmailAsync("x@example.org"));
        Assert.DoesNotContain(refusedLines, l => l.Contains("password", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Person_reset_password_prints_a_temporary_password_last_audited_as_cli_and_refuses_an_unknown_email()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        long id;
        await using (var silo = await TestSilo.StartAsync(database))
        {
            await silo.SeedMinimalCatalogueAsync();
            id = (await silo.Services.GetRequiredService<Scrutiny.Silo.People.PeopleStore>().CreateAsync("sam@example.org", "Sam", [], "test")).Person!.Id;
        }

        var (exit, lines) = await SiloCommand.RunAsync(database, "person", "reset-password", "Sam@Example.org");
        var (unknownExit, unknownLines) = await SiloCommand.RunAsync(database, "person", "reset-password", "nobody@example.org");

        Assert.Equal((0, 2), (exit, unknownExit));
        Assert.DoesNotContain(unknownLines, l => l.Contains("password", StringComparison.OrdinalIgnoreCase));
        await using var node = await TestSilo.StartAsync(database);
        var (result, person) = await node.Services.GetRequiredService<Scrutiny.Silo.People.PasswordSignIn>().SignInAsync("sam@example.org", lines[^1]);
        Assert.Equal(Scrutiny.Silo.People.PasswordSignInResult.SignedIn, result);
        Assert.True(person!.MustChangePassword);
        await using var connection = await node.Database.OpenAsync();
        Assert.Equal(("cli", "cli"), await connection.QuerySingleAsync<(string, string)>(
            "SELECT actor, source FROM audit_log WHERE action = 'person_password_reset' AND subject = @subject", new { subject = $"person:{id}" }));
    }

    [Fact]
    public async Task An_unknown_agency_gets_no_key()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);

        var (exit, lines) = await SiloCommand.RunAsync(database, "api-key", "create", "--agency", "NOPE");

        Assert.Equal(2, exit);
        Assert.DoesNotContain(lines, l => l.StartsWith("scr_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Api_key_create_with_label_and_expiry_then_list_and_revoke_audited_as_cli_and_never_listing_the_secret()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using (var silo = await TestSilo.StartAsync(database)) await silo.SeedMinimalCatalogueAsync();

        var (createExit, created) = await SiloCommand.RunAsync(database, "api-key", "create", "--agency", "MFT", "--expires-days", "90", "--label", "Finance upload");
        var key = created[^1];
        var id = key.Split('_', 3)[1];
        var (listExit, listed) = await SiloCommand.RunAsync(database, "api-key", "list", "--agency", "MFT");
        var (revokeExit, revoked) = await SiloCommand.RunAsync(database, "api-key", "revoke", "--id", $"scr_{id}");
        var (afterExit, after) = await SiloCommand.RunAsync(database, "api-key", "list");
        var (badExit, _) = await SiloCommand.RunAsync(database, "api-key", "create", "--agency", "MFT", "--expires-days", "0");

        Assert.Equal((0, 0, 0, 0, 2), (createExit, listExit, revokeExit, afterExit, badExit));
        Assert.Contains(listed, l => l.StartsWith($"scr_{id} ", StringComparison.Ordinal) && l.Contains("Finance upload") && l.Contains("active"));
        Assert.Contains(after, l => l.StartsWith($"scr_{id} ", StringComparison.Ordinal) && l.Contains("revoked"));
        Assert.DoesNotContain(listed.Concat(after).Concat(revoked), l => l.Contains(key.Split('_', 3)[2], StringComparison.Ordinal));
        await using var node = await TestSilo.StartAsync(database);
        Assert.Null(await node.Services.GetRequiredService<ApiKeyStore>().FindAsync(key));
        await using var connection = await node.Database.OpenAsync();
        var audit = (await connection.QueryAsync<(string Action, string Actor, string Source)>(
            "SELECT action, actor, source FROM audit_log WHERE subject = @subject ORDER BY id", new { subject = $"scr_{id}" })).ToList();
        Assert.Equal(["api_key_created", "api_key_revoked"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(("cli", true), (a.Source, a.Actor.StartsWith("cli:", StringComparison.Ordinal))));
        var expires = (await node.Services.GetRequiredService<ApiKeyStore>().FindSummaryAsync(id))!.ExpiresAt!.Value;
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(89), DateTimeOffset.UtcNow.AddDays(90));
    }

    [Fact]
    public async Task Migrate_is_repeatable_and_keeps_every_row()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using (var silo = await TestSilo.StartAsync(database)) await silo.SeedMinimalCatalogueAsync();

        var (exit, lines) = await SiloCommand.RunAsync(database, "migrate");

        Assert.Equal(0, exit);
        Assert.Contains(lines, l => l.StartsWith("Applied 0 migration(s)", StringComparison.Ordinal));
        await using var node = await TestSilo.StartAsync(database);
        Assert.Equal(4, (await node.Catalogue.ListPlacesAsync()).Count);
    }
}

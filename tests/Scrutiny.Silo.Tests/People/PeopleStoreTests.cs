using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.People;

public sealed class PeopleStoreTests
{
    [Theory, ClassData(typeof(Engines))]
    public async Task Each_change_is_audited_without_the_password_or_its_hash(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();
        var people = silo.Services.GetRequiredService<PeopleStore>();

        var created = await people.CreateAsync("ada@example.org", "Ada", [PersonRole.Admin], "person:0");
        var id = created.Person!.Id;
        Assert.Null(await people.AddRoleAsync(id, PersonRole.Board("manchester-hwb"), "person:0"));
        // Another administrator, unaudited, so that Ada is not the last and may lose the role.
        await using (var setup = await silo.Database.OpenAsync())
            await setup.ExecuteAsync("""
                INSERT INTO people (email, display_name, password_hash, created_at) VALUES ('other@example.org', 'Other', 'x', '2026-01-01T00:00:00Z');
                INSERT INTO person_roles (person_id, role, scope) SELECT id, 'administrator', '' FROM people WHERE email = 'other@example.org';
                """);
        Assert.Null(await people.RemoveRoleAsync(id, PersonRole.Admin, "person:0"));
        Assert.Null(await people.DisableAsync(id, "person:0"));

        await using var connection = await silo.Database.OpenAsync();
        var audit = (await connection.QueryAsync<(string Action, string Subject, string Detail)>(
            "SELECT action, subject, detail FROM audit_log ORDER BY id")).ToList();
        Assert.Equal([PeopleStore.Created, PeopleStore.RoleAdded, PeopleStore.RoleRemoved, PeopleStore.Disabled], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal($"person:{id}", a.Subject));
        var hash = await connection.ExecuteScalarAsync<string>("SELECT password_hash FROM people WHERE id = @id", new { id });
        Assert.All(audit, a => Assert.DoesNotContain(created.Password!, a.Detail));
        Assert.All(audit, a => Assert.DoesNotContain(hash!, a.Detail));
        Assert.DoesNotContain(created.Password!, hash);
        Assert.Equal([PersonRole.Board("manchester-hwb")], (await people.FindAsync(id))!.Roles);
    }

    [Fact]
    public async Task A_person_submits_for_one_agency_and_scopes_must_exist()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();
        var people = silo.Services.GetRequiredService<PeopleStore>();
        var id = (await people.CreateAsync("sam@example.org", "Sam", [PersonRole.Agency("MFT")], "test")).Person!.Id;

        Assert.Contains("remove MFT first", (await people.AddRoleAsync(id, PersonRole.Agency("MCC"), "test"))!.Message);
        Assert.Contains("No agency", (await people.CreateAsync("bo@example.org", "Bo", [PersonRole.Agency("NOPE")], "test")).Problems.Single().Message);
        Assert.Contains("No board", (await people.AddRoleAsync(id, PersonRole.Board("nope"), "test"))!.Message);
        Assert.Null(await people.AddRoleAsync(id, PersonRole.Committee("health-scrutiny"), "test"));
        var taken = await people.CreateAsync("SAM@example.org", "Sam again", [], "test");
        Assert.Equal([PersonProblem.EmailField], taken.Problems.Select(p => p.Field));
        var invalid = await people.CreateAsync("not an email", " ", [], "test");
        Assert.Equal([PersonProblem.EmailField, PersonProblem.NameField], invalid.Problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData("administrator", "administrator", "")]
    [InlineData("agency:MFT", "agency_submitter", "MFT")]
    [InlineData("board:manchester-hwb", "board_member", "manchester-hwb")]
    [InlineData("committee:health", "scrutiny_member", "health")]
    public void Roles_read_and_write_their_short_form(string text, string kind, string scope)
    {
        var role = PersonRole.Parse(text);

        Assert.Equal(new PersonRole(kind, scope), role);
        Assert.Equal(text, role!.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("agency:")]
    [InlineData("owner")]
    public void Anything_else_is_no_role(string text) => Assert.Null(PersonRole.Parse(text));
}

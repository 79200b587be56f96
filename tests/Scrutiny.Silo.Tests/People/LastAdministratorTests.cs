using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.People;

/// <summary>Someone can always administer people: the last active administrator keeps the role and stays enabled.</summary>
public sealed class LastAdministratorTests
{
    [Theory, ClassData(typeof(Engines))]
    public async Task The_last_active_administrator_is_neither_disabled_nor_stripped_of_the_role(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();
        var people = silo.Services.GetRequiredService<PeopleStore>();
        var ada = (await people.CreateAsync("ada@example.org", "Ada", [PersonRole.Admin], "test")).Person!.Id;
        var bo = (await people.CreateAsync("bo@example.org", "Bo", [PersonRole.Admin], "test")).Person!.Id;

        // Two administrators: one of them may go.
        Assert.Null(await people.DisableAsync(bo, $"person:{ada}"));

        var removal = await people.RemoveRoleAsync(ada, PersonRole.Admin, $"person:{ada}");
        var disabling = await people.DisableAsync(ada, "cli");

        Assert.Equal((PersonProblem.RolesField, PersonProblem.DisableField), (removal!.Field, disabling!.Field));
        Assert.Contains("Ada is the only active administrator", removal.Message);
        var still = await people.FindAsync(ada);
        Assert.True(still!.IsAdministrator && !still.IsDisabled);
        await using var connection = await silo.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM audit_log WHERE subject = @subject AND action IN (@removed, @disabled)",
            new { subject = $"person:{ada}", removed = PeopleStore.RoleRemoved, disabled = PeopleStore.Disabled }));
        // Other roles of the last administrator come and go as before.
        Assert.Null(await people.AddRoleAsync(ada, PersonRole.Committee("health"), "test"));
        Assert.Null(await people.RemoveRoleAsync(ada, PersonRole.Committee("health"), "test"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Two_administrators_taking_each_others_role_at_once_leave_one(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();
        var people = silo.Services.GetRequiredService<PeopleStore>();
        var ada = (await people.CreateAsync("ada@example.org", "Ada", [PersonRole.Admin], "test")).Person!.Id;
        var bo = (await people.CreateAsync("bo@example.org", "Bo", [PersonRole.Admin], "test")).Person!.Id;

        var results = await Task.WhenAll(
            Task.Run(() => people.RemoveRoleAsync(bo, PersonRole.Admin, $"person:{ada}")),
            Task.Run(() => people.DisableAsync(ada, $"person:{bo}")));

        Assert.Single(results, r => r is null);
        var left = (await people.ListAsync()).Where(p => p.IsAdministrator && !p.IsDisabled).ToList();
        Assert.Single(left);
    }
}

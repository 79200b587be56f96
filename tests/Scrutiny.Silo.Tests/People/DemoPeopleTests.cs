using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Seeding;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.People;

public sealed class DemoPeopleTests
{
    [Fact]
    public async Task A_store_that_is_not_a_demo_has_no_accounts()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();

        Assert.Empty(await silo.Services.GetRequiredService<PeopleStore>().ListAsync());
    }

    [Fact]
    public async Task The_demo_seed_makes_one_account_per_role_once_and_prints_their_passwords_with_a_warning()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var people = await silo.Services.GetRequiredService<PeopleStore>().ListAsync();
        // Seeded already: a second call makes no one, so it prints nothing.
        Assert.Empty(await silo.Services.GetRequiredService<DemoPeople>().CreateAsync(CancellationToken.None));

        Assert.Equal(
            [PersonRole.Administrator, PersonRole.AgencySubmitter, PersonRole.BoardMember, PersonRole.ScrutinyMember],
            people.SelectMany(p => p.Roles).Select(r => r.Kind).Order());
        var printed = new StringWriter();
        DemoPeople.Print([new DemoAccount("a@example.org", PersonRole.Admin, "abcde-fghjk")], printed);
        Assert.Contains("WARNING: DEMO ACCOUNTS", printed.ToString());
        Assert.Contains("a@example.org", printed.ToString());
    }

    [Fact]
    public async Task Each_demo_password_signs_its_person_in()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();
        // The demo's board and agency, as the full seed would have them.
        await silo.CatalogueWriter.UpsertBoardAsync(new Grains.Catalogue.PartnershipBoard("manchester-partnership-board", "Manchester", "E08000003", ["MFT"]));

        var made = await silo.Services.GetRequiredService<DemoPeople>().CreateAsync(CancellationToken.None);

        Assert.Equal(DemoPeople.All.Count, made.Count);
        var signIn = silo.Services.GetRequiredService<PasswordSignIn>();
        foreach (var account in made)
            Assert.Equal(PasswordSignInResult.SignedIn, (await signIn.SignInAsync(account.Email, account.Password)).Result);
    }
}

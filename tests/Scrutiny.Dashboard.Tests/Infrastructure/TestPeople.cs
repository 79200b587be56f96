using Scrutiny.Silo.People;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>A person made through the silo's own store, with the password they were given.</summary>
public sealed record TestPerson(Person Person, string Password)
{
    public string Email => Person.Email;
}

/// <summary>One person per role, over <see cref="AdminCatalogue"/>'s agencies and boards.</summary>
public static class TestPeople
{
    public const string Committee = "manchester-health-scrutiny";

    public sealed record Everyone(TestPerson Administrator, TestPerson Submitter, TestPerson BoardMember, TestPerson ScrutinyMember);

    public static async Task<Everyone> SeedAsync(DashboardApp app) => new(
        await CreateAsync(app, "admin@example.org", "Ada Administrator", PersonRole.Admin),
        await CreateAsync(app, "submitter@example.org", "Sam Submitter", PersonRole.Agency(TestCatalogue.Agency)),
        await CreateAsync(app, "board@example.org", "Bea Board", PersonRole.Board("manchester-hwb")),
        await CreateAsync(app, "scrutiny@example.org", "Cal Scrutiny", PersonRole.Committee(Committee)));

    public static async Task<TestPerson> CreateAsync(DashboardApp app, string email, string name, params PersonRole[] roles)
    {
        var creation = await app.Get<PeopleStore>().CreateAsync(email, name, roles, "test");
        return new TestPerson(creation.Person ?? throw new InvalidOperationException(string.Join("; ", creation.Problems)), creation.Password!);
    }
}

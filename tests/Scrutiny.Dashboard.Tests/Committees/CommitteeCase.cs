using System.Globalization;
using System.Security.Claims;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.People;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Committees;

/// <summary>
/// A committee in Manchester with one meeting, the people of every role (the scrutiny member sits on it), and a
/// submitter for another agency (probation, on no board of Manchester's that the committee's records are addressed to).
/// </summary>
public sealed record CommitteeCase(DashboardApp App, TestPeople.Everyone People, TestPerson OtherAgency)
{
    public const string Id = TestPeople.Committee;
    public const string Name = "Manchester Health Scrutiny Committee";
    public const string Board = "manchester-hwb";
    public static readonly DateOnly Meeting = new(2026, 6, 30);

    public static async Task<CommitteeCase> SeedAsync(DashboardApp app)
    {
        await AdminCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        var other = await TestPeople.CreateAsync(app, "probation@example.org", "Pat Probation", PersonRole.Agency(AdminCatalogue.Probation));
        await app.Get<CommitteeStore>().CreateAsync(new Committee(Id, Name, Manchester, Committee.DefaultResponseMonths, [Meeting]), "test", DateTimeOffset.UtcNow);
        return new CommitteeCase(app, people, other);
    }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Who the services see when the person acts: the claims their sign-in gives them.</summary>
    public static ClaimsPrincipal As(TestPerson person) => new(new ClaimsIdentity(PersonClaims.For(person.Person), "test"));

    /// <summary>A recommendation made by the committee's member; <paramref name="overdue"/>: made two months ago, its response due yesterday.</summary>
    public async Task<RegisterEntry> RecommendAsync(string text, Addressee addressee, bool overdue = false)
    {
        var body = new RecommendationBody(text, new AddresseeBody(CatalogueName(addressee.Kind), addressee.Code), null,
            overdue ? Day(Today.AddMonths(-2)) : null, overdue ? Day(Today.AddDays(-1)) : null);
        var made = await App.Get<RecommendationRegister>().MakeAsync(As(People.ScrutinyMember), Id, body);
        return made.Value ?? throw new InvalidOperationException(string.Join("; ", made.Problems.Select(p => p.Message)) + made.Detail);
    }

    public async Task<QuestionEntry> AskAsync(string text, Addressee addressee, DateOnly due)
    {
        var asked = await App.Get<CommitteeQuestions>().AskAsync(As(People.ScrutinyMember), Id,
            new QuestionBody(text, new AddresseeBody(CatalogueName(addressee.Kind), addressee.Code), Day(due)));
        return asked.Value ?? throw new InvalidOperationException(string.Join("; ", asked.Problems.Select(p => p.Message)) + asked.Detail);
    }

    public static readonly Addressee Mft = new(AddresseeKind.Agency, Agency);
    public static readonly Addressee HealthBoard = new(AddresseeKind.Board, Board);

    private static string CatalogueName(AddresseeKind kind) => kind == AddresseeKind.Agency ? "agency" : "board";
}

using Microsoft.Extensions.Logging;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Panels;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;

namespace Scrutiny.Dashboard.Tests.Authorisation;

/// <summary>
/// One dashboard for the whole table: the admin catalogue, an agency's and an administrator's API keys, a person per
/// role each signed in through the sign-in form (and a member of another place's board, for the hub's embargo), a
/// panel to open and the scrutiny member's committee.
/// </summary>
public sealed class MatrixApp : IAsyncLifetime
{
    public const string OtherAgency = AdminCatalogue.Probation;

    public DashboardApp App { get; private set; } = null!;
    public AdminCatalogue.Keys Keys { get; private set; } = null!;
    public TestPeople.Everyone People { get; private set; } = null!;
    public string PanelId { get; private set; } = "";

    /// <summary>A member of trafford-hwb, a board of another place than the table's Manchester: signed in like the rest.</summary>
    public FormClient OtherBoardMember { get; private set; } = null!;

    private readonly Dictionary<Caller, FormClient> _sessions = [];
    private readonly Func<Task<DashboardApp>> _start;

    public MatrixApp() : this(() => DashboardApp.StartAsync()) { }

    private MatrixApp(Func<Task<DashboardApp>> start) => _start = start;

    /// <summary>The same world on <paramref name="engine"/>, with the app's warnings and errors in <paramref name="logs"/>.</summary>
    public static async Task<MatrixApp> StartAsync(StoreEngine engine, ILoggerProvider logs, IReadOnlyDictionary<string, string?> settings)
    {
        var matrix = new MatrixApp(() => DashboardApp.StartAsync(engine, logs, settings));
        await matrix.InitializeAsync();
        return matrix;
    }

    public async ValueTask InitializeAsync()
    {
        App = await _start();
        Keys = await AdminCatalogue.SeedAsync(App);
        People = await TestPeople.SeedAsync(App);
        var panel = await App.Get<PanelStore>().CreateAsync("Matrix", null,
            [new PanelItem(TestCatalogue.Manchester, TestCatalogue.Admissions)], "test", DateTimeOffset.UtcNow);
        PanelId = panel.Id;
        await App.Get<CommitteeStore>().CreateAsync(
            new Committee(TestPeople.Committee, "Manchester Health Scrutiny Committee", TestCatalogue.Manchester, Committee.DefaultResponseMonths, []),
            "test", DateTimeOffset.UtcNow);
        _sessions[Caller.Anonymous] = new FormClient(App);
        foreach (var (caller, person) in new[]
                 {
                     (Caller.Agency, People.Submitter), (Caller.BoardMember, People.BoardMember),
                     (Caller.ScrutinyMember, People.ScrutinyMember), (Caller.Administrator, People.Administrator),
                 })
            _sessions[caller] = await SignInAsync(person);
        _sessions[Caller.OtherAgency] = _sessions[Caller.Agency];
        OtherBoardMember = await SignInAsync(await TestPeople.CreateAsync(App, "other-board@example.org", "Olu Other", PersonRole.Board("trafford-hwb")));
    }

    private async Task<FormClient> SignInAsync(TestPerson person)
    {
        var client = new FormClient(App);
        var response = await client.SignInAsync(person.Email, person.Password);
        return client.HasCookie("scrutiny-agency") ? client
            : throw new InvalidOperationException($"{person.Email} could not sign in: {(int)response.StatusCode}");
    }

    /// <summary>The caller's browser-like session: their cookie, or none for the anonymous caller.</summary>
    public FormClient Session(Caller caller) => _sessions[caller];

    /// <summary>The API key a caller holds, if any: the agency's (for its own or another agency's routes) or the administrator's.</summary>
    public string? ApiKey(Caller caller) => caller switch
    {
        Caller.Agency or Caller.OtherAgency => Keys.Agency,
        Caller.Administrator => Keys.Admin,
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions.Values.Append(OtherBoardMember).Distinct()) session?.Dispose();
        await App.DisposeAsync();
    }
}

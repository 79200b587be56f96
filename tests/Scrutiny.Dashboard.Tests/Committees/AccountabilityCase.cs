using System.Net.Http.Json;
using System.Text.Json;
using Scrutiny.Dashboard.Tests.Boards;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Panels;
using Scrutiny.Silo.Store;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Committees;

/// <summary>
/// Manchester's board (<see cref="BoardCase"/>) with delayed discharge days published on release: the ten steady
/// months released, the month of concern (95, which moves the discharges commitment off track) sent but not. Its
/// scrutiny committee, a panel of delayed discharge days and admissions, and three recommendations made through the
/// API: one to the trust, agreed with reasons and an update under way; one to the board, unanswered; one closed.
/// </summary>
public sealed record AccountabilityCase(BoardCase Board, string PanelId, string Agreed, string Unanswered, string Closed)
{
    public const string AgreedText = "Open discharge-to-assess beds before winter";
    public const string Reasons = "We agree: twelve beds are being commissioned";
    public const string UpdateText = "Eight of the twelve beds are open";
    public const string UnansweredText = "Publish a joint plan for hospital discharge";
    public const string ClosedText = "Report delayed discharges to the committee each quarter";

    public DashboardApp App => Board.App;

    public static async Task<AccountabilityCase> SeedAsync(DashboardApp app)
    {
        var board = await BoardCase.SeedAsync(app, async adminKey =>
        {
            await app.Get<CatalogueWriter>().SetScheduleAsync(new IndicatorSchedule(DelayedDays, 30, null, null, PublicationRule.OnRelease));
            using var admin = BoardCase.Client(app, adminKey);
            for (var month = 1; month <= BoardCase.SteadyDays.Length; month++)
                Assert.True((await admin.PostAsJsonAsync($"/api/v1/indicators/{DelayedDays}/releases", new { period = $"2025-{month:00}" })).IsSuccessStatusCode);
        });
        await board.PostConcernAsync();

        await app.Get<CommitteeStore>().CreateAsync(new Committee(TestPeople.Committee, "Manchester Health Scrutiny Committee", Manchester,
            Committee.DefaultResponseMonths, [DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(1))]), "test", DateTimeOffset.UtcNow);
        var panel = await app.Get<PanelStore>().CreateAsync("Hospital discharge", "What the committee follows on leaving hospital",
            [new PanelItem(Manchester, DelayedDays), new PanelItem(Manchester, Admissions)], "test", DateTimeOffset.UtcNow);

        using var admin = BoardCase.Client(app, board.AdminKey);
        using var agency = BoardCase.Client(app, board.AgencyKey);
        var agreed = await MakeAsync(admin, AgreedText, "agency", TestCatalogue.Agency);
        await SendAsync(agency.PutAsJsonAsync($"{Recommendations}/{agreed}/response", new
        {
            decision = "accepted", reasons = Reasons,
            implementBy = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        await SendAsync(agency.PostAsJsonAsync($"{Recommendations}/{agreed}/updates", new { status = "in_progress", text = UpdateText }));
        var unanswered = await MakeAsync(admin, UnansweredText, "board", BoardCase.Board);
        var closed = await MakeAsync(admin, ClosedText, "agency", TestCatalogue.Agency);
        await SendAsync(admin.PostAsJsonAsync($"{Recommendations}/{closed}/closure", new { note = "Now on the committee's standing agenda" }));
        return new AccountabilityCase(board, panel.Id, agreed, unanswered, closed);
    }

    public string Paper => CommitteeAddresses.Paper(TestPeople.Committee, PanelId);

    public static string Accountability => CommitteeAddresses.PlaceRecommendations(Manchester);

    private const string Recommendations = $"/api/v1/committees/{TestPeople.Committee}/recommendations";

    private static async Task<string> MakeAsync(HttpClient admin, string text, string kind, string code) =>
        (await (await SendAsync(admin.PostAsJsonAsync(Recommendations, new { text, addressee = new { kind, code } })))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

    private static async Task<HttpResponseMessage> SendAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}

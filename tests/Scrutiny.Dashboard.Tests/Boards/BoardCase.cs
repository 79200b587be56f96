using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Boards;

/// <summary>
/// Manchester's board with two agencies, meetings on 1 October 2026 (the last) and 15 January 2027, ten steady months
/// of delayed discharge days, and through the real API: a commitment measured by them (on track), one with a milestone
/// missed since the last meeting (off track), updates, a Turn-the-Curve plan and a year of the pooled fund.
/// </summary>
public sealed record BoardCase(DashboardApp App, string AgencyKey, string AdminKey, TestPeople.Everyone People, string Discharges, string Teams)
{
    public const string Board = "manchester-hwb";
    public const string Council = "MCC";

    // Ten months around 40 (common cause); a month at 95 is far above the upper limit: a special-cause concern.
    public static readonly double[] SteadyDays = [38, 42, 40, 44, 36, 41, 39, 43, 37, 40];
    public const string ConcernMonth = "2025-11";

    /// <param name="beforeReturns">Runs once the catalogue is there and before any return (to set a publication rule, say).</param>
    public static async Task<BoardCase> SeedAsync(DashboardApp app, Func<string, Task>? beforeReturns = null)
    {
        var agencyKey = await TestCatalogue.SeedAsync(app);
        var writer = app.Get<CatalogueWriter>();
        await writer.UpsertAgenciesAsync([new Grains.Catalogue.Agency(Council, "Manchester City Council", "local_government")]);
        await writer.UpsertBoardAsync(new PartnershipBoard(Board, "Manchester Health and Wellbeing Board", Manchester, [TestCatalogue.Agency, Council]));
        var adminKey = await app.Get<ApiKeyStore>().CreateAsync(null, isAdmin: true);
        var people = await TestPeople.SeedAsync(app);
        if (beforeReturns is not null) await beforeReturns(adminKey);
        await Returns.PostAsync(app, agencyKey, [.. SteadyDays.Select((v, i) => Days($"2025-{i + 1:00}", v))]);

        using var agency = Client(app, agencyKey);
        using var admin = Client(app, adminKey);
        await SendAsync(admin.PutAsJsonAsync($"{Api}/details", new { chair = "Cllr Bev Craig", meetings = new[] { "2026-10-01", "2027-01-15" } }));
        var discharges = await IdAsync(agency.PostAsJsonAsync($"{Api}/commitments", new
        {
            title = "Cut delayed discharges", result = "Older people live well at home", indicators = new[] { DelayedDays },
            baseline = new { value = 40, date = "2025-01-01" }, target = new { value = 35, date = "2027-03-31" },
            leadAgency = TestCatalogue.Agency, contributingAgencies = new[] { Council },
        }));
        await SendAsync(agency.PostAsJsonAsync($"{Api}/commitments/{discharges}/milestones",
            new { title = "Discharge-to-assess beds open", due = "2027-02-01", owner = Council }));
        await SendAsync(agency.PostAsJsonAsync($"{Api}/commitments/{discharges}/updates",
            new { text = "Twelve beds commissioned at Withington", evidence = "https://example.org/d2a-report.pdf" }));
        var teams = await IdAsync(agency.PostAsJsonAsync($"{Api}/commitments", new
        {
            title = "Join up hospital discharge teams", result = "Older people live well at home", indicators = new[] { Admissions },
            leadAgency = Council, contributingAgencies = Array.Empty<string>(),
        }));
        await SendAsync(agency.PostAsJsonAsync($"{Api}/commitments/{teams}/milestones",
            new { title = "One discharge team per hospital", due = "2026-09-20", owner = Council }));
        await SendAsync(agency.PutAsJsonAsync($"{Api}/turn-the-curve/{DelayedDays}", new
        {
            story = "People wait in hospital for home care packages to start.",
            partners = new[] { new { agency = Council, role = "Commissions home care" } },
            whatWorks = new[] { new { idea = "Trusted assessors on the wards", cost = "no_cost" }, new { idea = "A new home-care contract", cost = "funded" } },
        }));
        await SendAsync(agency.PostAsJsonAsync($"{Api}/fund", new { kind = "contribution", on = "2026-04-01", agency = TestCatalogue.Agency, amount = 1250.50m }));
        await SendAsync(agency.PostAsJsonAsync($"{Api}/fund", new { kind = "contribution", on = "2026-04-01", agency = Council, amount = 2000m }));
        await SendAsync(agency.PostAsJsonAsync($"{Api}/fund", new { kind = "spend", on = "2026-05-01", agency = Council, commitment = discharges, amount = 200m }));
        return new BoardCase(app, agencyKey, adminKey, people, discharges, teams);
    }

    public const string Api = $"/api/v1/boards/{Board}";

    public static object Days(string period, double value) =>
        new { place = Manchester, indicator = DelayedDays, period, numerator = value, denominator = (double?)null };

    /// <summary>The return that moves delayed discharge days into special-cause concern.</summary>
    public Task PostConcernAsync() => Returns.PostAsync(App, AgencyKey, Days(ConcernMonth, 95));

    public static HttpClient Client(DashboardApp app, string? key)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    private static async Task<HttpResponseMessage> SendAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static async Task<string> IdAsync(Task<HttpResponseMessage> sending) =>
        (await (await SendAsync(sending)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Panels;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>
/// Stored XSS: markup typed into every free-text field is shown as text on every page that shows the field. The
/// browser runs without the Content-Security-Policy here, so that escaping alone is tested: the policy is a second
/// line, not the first.
/// </summary>
public sealed class StoredXssTests(Browser browser)
{
    private const string Markup = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";
    private const string Trafford = AdminCatalogue.Trafford;
    private const string Group = "xss-group";

    private static string Evil(string field) => $"{field} {Markup}";

    [Fact]
    public async Task Markup_in_every_free_text_field_is_shown_as_text_and_never_runs()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var panelId = await StoreMarkupEverywhereAsync(app, keys);

        string[] publicPages =
        [
            "/", $"/places/{Manchester}", $"/places/{Manchester}/indicators/{DelayedDays}",
            $"/compare?indicator={DelayedDays}&type=metropolitan_borough", $"/compare?indicator={DelayedDays}&by=group&group={Group}",
            "/compare/heat-map?type=metropolitan_borough", "/panels", $"/panels/{panelId}",
        ];
        var visitor = await OpenWithoutCspAsync(app);
        foreach (var address in publicPages) await AssertEscapedAsync(visitor, address);
        // The place's "what changed" and its scorecard's rows are written out by hand (HtmlMarkup), not by Razor: the
        // entry and the indicator's row show the markup too.
        await visitor.GotoAsync($"/places/{Manchester}");
        Assert.Contains(Markup, await visitor.Locator("[data-what-changed] [data-change]").First.InnerTextAsync());
        Assert.Contains(Markup, await visitor.Locator($"tr[data-live-indicator='{DelayedDays}'] th").InnerTextAsync());

        var agency = await OpenWithoutCspAsync(app);
        await AgencySession.SignInAsync(agency, keys.Agency);
        foreach (var address in new[] { "/agency", "/agency/returns" }) await AssertEscapedAsync(agency, address);

        var admin = await OpenWithoutCspAsync(app);
        await AdminCatalogue.SignInAsync(admin, keys.Admin);
        foreach (var address in new[] { "/admin/agencies", $"/admin/agencies/{TestCatalogue.Agency}/keys", "/admin/comparator-groups",
                     $"/places/{Manchester}/indicators/{DelayedDays}/settings" })
            await AssertEscapedAsync(admin, address);
        // The audit log shows each change's detail as JSON, where the markup reads "\u003Cscript\u003E…": still text.
        await AssertEscapedAsync(admin, "/admin/audit", literally: false);
        Assert.Contains("alert(1)", string.Join("\n", await admin.Locator("[data-detail]").AllInnerTextsAsync()));
    }

    [Fact]
    public async Task A_formula_typed_into_a_name_leaves_in_a_csv_export_as_text()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedAsync(app);
        await app.Get<CatalogueWriter>().UpsertPlacesAsync([new Place(Manchester, "=HYPERLINK(\"http://x\",\"y\")", "metropolitan_borough", "E47000001")]);
        await Returns.PostAsync(app, key, new { place = Manchester, indicator = DelayedDays, period = "2026-07", numerator = 12 });
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var csv = await client.GetStringAsync($"/compare.csv?indicator={DelayedDays}&type=metropolitan_borough");

        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", csv);
    }

    /// <summary>Markup in: place and agency names, an indicator's title (admin API), a return's note, a target's and a
    /// rebase's reasons, a comparator group's name, an API key's label, a panel's name and description. Returns the
    /// panel's id.</summary>
    private static async Task<string> StoreMarkupEverywhereAsync(DashboardApp app, AdminCatalogue.Keys keys)
    {
        var writer = app.Get<CatalogueWriter>();
        await writer.UpsertPlacesAsync([new Place(Manchester, Evil("Manchester"), "metropolitan_borough", "E47000001")]);
        await writer.UpsertAgenciesAsync([new Scrutiny.Grains.Catalogue.Agency(TestCatalogue.Agency, Evil("Trust"), "health")]);
        await writer.SaveComparatorGroupAsync(new ComparatorGroupDefinition(Group, Evil("Group"), Manchester, [Trafford]), actor: null, DateTimeOffset.UtcNow);

        using var admin = Client(app, keys.Admin);
        await Ok(admin.PutAsJsonAsync($"/api/v1/indicators/{DelayedDays}", new
        {
            code = DelayedDays, title = Evil("Delays"), theme = "health_and_care", unit = "count", polarity = "lower_is_better",
            frequency = "monthly", combine = "sum",
        }));
        await Returns.PostAsync(app, keys.Agency,
            [.. Enumerable.Range(1, 6).Select(month => (object)new { place = Manchester, indicator = DelayedDays, period = $"2026-{month:00}", numerator = 100 + month, note = Evil("Note") })]);
        var settings = $"/api/v1/places/{Manchester}/indicators/{DelayedDays}";
        await Ok(admin.PutAsJsonAsync($"{settings}/target", new { value = 90, reason = Evil("Target") }));
        await Ok(admin.PostAsJsonAsync($"{settings}/rebases", new { period = "2026-03", reason = Evil("Rebase") }));

        await app.Get<ApiKeyStore>().CreateAsync(new NewApiKey(TestCatalogue.Agency, IsAdmin: false, Label: Evil("Label")), "test");

        var panel = await app.Get<PanelEditor>().CreateAsync(new PanelDraft(Evil("Panel"), Evil("Description"), [(Manchester, DelayedDays)]), "test");
        return panel.Panel!.Id;
    }

    private async Task<IPage> OpenWithoutCspAsync(DashboardApp app)
    {
        var context = await browser.Chromium.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), BypassCSP = true });
        app.CloseBeforeStopping(() => context.CloseAsync());
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => throw new Xunit.Sdk.XunitException($"A dialog opened on {page.Url}: {dialog.Message}");
        return page;
    }

    private static async Task AssertEscapedAsync(IPage page, string address, bool literally = true)
    {
        var dialogs = new List<string>();
        void Record(object? _, IDialog dialog)
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        }
        page.Dialog += Record;
        await page.GotoAsync(address);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.Dialog -= Record;

        Assert.True(dialogs.Count == 0, $"{address}: a dialog opened ({string.Join(", ", dialogs)})");
        // Shown literally, as text...
        if (literally)
            Assert.True((await page.Locator("body").InnerTextAsync()).Contains(Markup, StringComparison.Ordinal), $"{address}: the markup is not shown as text");
        // ...and nothing of it became an element: no inline script but the JSON data islands (and the indicator page's
        // JSON-LD Dataset, whose every < is escaped), no image from it.
        Assert.Equal(0, await page.Locator("script:not([src]):not([type='application/json']):not([type='application/ld+json']), img[src='x']").CountAsync());
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
    }

    private static HttpClient Client(DashboardApp app, string key)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    private static async Task Ok(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

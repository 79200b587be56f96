using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Panels;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.ComparisonCatalogue;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Panels;

/// <summary>Scrutiny panels: made by a signed-in person without JavaScript, shared by address, exported, live.</summary>
public sealed class PanelPageTests(Browser browser)
{
    [Fact]
    public async Task A_signed_in_person_makes_a_panel_without_JavaScript_and_anyone_opens_it_by_its_address()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await ComparisonCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await AgencySession.SignInAsync(page, key);
        await page.GotoAsync("/panels");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a panel" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Create a panel");

        // Nothing filled in: each problem named and linked to its field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save panel" }).ClickAsync();
        var problems = page.Locator(".govuk-error-summary a");
        await Expect(problems).ToHaveTextAsync(["Enter the panel's name", "Choose at least one place and indicator for the panel to follow"]);
        Assert.Equal(["#name", "#item-1-place"], await problems.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        await Expect(page.Locator("#name-error")).ToContainTextAsync("Enter the panel's name");

        // Half a figure: the missing half is named, and what was chosen is kept.
        await page.FillAsync("#name", "Health scrutiny: admissions");
        await page.SelectOptionAsync("#item-1-place", Manchester);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save panel" }).ClickAsync();
        await Expect(problems).ToHaveTextAsync(["Choose an indicator for figure 1"]);
        await Expect(page.Locator("#item-1-place")).ToHaveValueAsync(Manchester);
        await Expect(page.Locator("#name")).ToHaveValueAsync("Health scrutiny: admissions");

        // More rows come from the server without JavaScript, keeping what was chosen.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add more figures" }).ClickAsync();
        await Expect(page.Locator("[data-panel-item]")).ToHaveCountAsync(5);
        await Expect(page.Locator("#item-1-place")).ToHaveValueAsync(Manchester);
        await page.SelectOptionAsync("#item-1-indicator", Admissions);
        await page.SelectOptionAsync("#item-3-place", Bury);
        await page.SelectOptionAsync("#item-3-indicator", Admissions);
        await page.FillAsync("#description", "Emergency admissions of older people, for the Health Scrutiny Committee.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save panel" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Health scrutiny: admissions");
        var address = new Uri(page.Url).AbsolutePath;
        Assert.Matches("^/panels/[a-z2-9]{10}$", address);

        var visitor = await browser.OpenAsync(app, javaScript: false);
        await visitor.GotoAsync(address);
        await Expect(visitor.Locator("h1")).ToHaveTextAsync("Health scrutiny: admissions");
        await Expect(visitor.Locator(".app-panel__description")).ToHaveTextAsync("Emergency admissions of older people, for the Health Scrutiny Committee.");
        var rows = visitor.Locator("#panel-table tbody tr");
        await Expect(rows.Locator("th")).ToHaveTextAsync([
            "Emergency hospital admissions of people aged 65 and over Manchester",
            "Emergency hospital admissions of people aged 65 and over Bury"]);
        await Expect(rows.Locator("[data-figure=value]")).ToHaveTextAsync(["983.6 per 100,000", "1,750.0 per 100,000"]);
        await Expect(rows.Locator("[data-figure=period]")).ToHaveTextAsync([Month, Month]);
        await Expect(rows.Locator("[data-statistic=benchmark]")).ToHaveTextAsync(["Better", "Worse"]);
        await Expect(rows.Locator("[data-statistic=recent_trend]")).ToHaveTextAsync(["Cannot be calculated", "Cannot be calculated"]);
        await Expect(rows.First.Locator("th a")).ToHaveAttributeAsync("href", $"/places/{Manchester}/indicators/{Admissions}");
        await Expect(visitor.Locator("[data-as-of]")).ToContainTextAsync("Figures as of ");
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Change the panel" })).ToHaveCountAsync(0);
        await visitor.GotoAsync("/panels");
        await Expect(visitor.Locator("#panels-table tbody th a")).ToHaveTextAsync(["Health scrutiny: admissions"]);
        await Expect(visitor.Locator("#panels-table tbody td").First).ToHaveTextAsync("2");

        // Changing it is for signed-in people only.
        await visitor.GotoAsync(address + "/edit");
        Assert.Contains("/sign-in", visitor.Url);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the panel" }).ClickAsync();
        await Expect(page.Locator("#item-2-place")).ToHaveValueAsync(Bury);
        await page.SelectOptionAsync("#item-2-place", "");
        await page.SelectOptionAsync("#item-2-indicator", "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save panel" }).ClickAsync();
        await Expect(page.Locator("#panel-table tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_panel_csv_is_public_and_carries_each_figure_with_polarity_method_period_and_source()
    {
        await using var app = await DashboardApp.StartAsync();
        await ComparisonCatalogue.SeedAsync(app);
        var panel = await CreateAsync(app, (Bury, Admissions), (Manchester, Reoffending), (Trafford, Admissions));
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await anonymous.GetAsync($"/panels/{panel.Id}.csv");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(x => x.First, x => x.Second)).ToList();
        Assert.Equal([("1", Bury, Admissions), ("2", Manchester, Reoffending), ("3", Trafford, Admissions)],
            rows.Select(r => (r["position"], r["place"], r["indicator"])));
        Assert.Equal(("lower_is_better", "sum_numerators_and_denominators", Month, "1750", "worse", England, "MFT"),
            (rows[0]["polarity"], rows[0]["method"], rows[0]["period"], rows[0]["value"], rows[0]["outcome"], rows[0]["comparator"], rows[0]["source"]));
        Assert.Equal(("single_source", "", "", ""), (rows[1]["method"], rows[1]["period"], rows[1]["value"], rows[1]["source"]));
        Assert.Equal("better", rows[2]["outcome"]);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync("/panels/nosuchpanel.csv")).StatusCode);
    }

    [Fact]
    public async Task A_return_accepted_while_the_panel_is_open_changes_its_row_without_a_reload()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await TestCatalogue.SeedAsync(app);
        var panel = await CreateAsync(app, (Manchester, DelayedDays), (Manchester, Admissions));
        var page = await browser.OpenAsync(app);
        await page.GotoAsync($"/panels/{panel.Id}");
        var admissions = page.Locator($"#panel-table tr[data-indicator='{Admissions}']");
        await Expect(admissions.Locator("[data-figure=value]")).ToHaveTextAsync("No returns yet");
        // Shown once the page watches its groups, so the change below arrives by push, not by the catch-up.
        await Expect(page.Locator("[data-live-status]")).ToHaveTextAsync("Figures on this page update as agencies send returns.");
        await page.EvaluateAsync("window.notReloaded = true");

        await Returns.PostAsync(app, key, new { place = Manchester, indicator = Admissions, period = Month, numerator = 412, denominator = 61000 });

        await Expect(admissions.Locator("[data-figure=value]")).ToHaveTextAsync("675.4 per 100,000");
        await Expect(admissions.Locator("[data-figure=period]")).ToHaveTextAsync(Month);
        await Expect(admissions.Locator("[data-statistic=variation_icon]")).ToHaveAttributeAsync("data-value", "common_cause");
        await Expect(page.Locator("[data-live-announcer]")).ToContainTextAsync("Panel updated");
        await Expect(page.Locator($"#panel-table tr[data-indicator='{DelayedDays}'] [data-figure=value]")).ToHaveTextAsync("No returns yet");
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
    }

    [Fact]
    public async Task A_panel_edited_while_it_is_open_shows_its_new_figures_without_a_reload()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await TestCatalogue.SeedAsync(app);
        var panel = await CreateAsync(app, (Manchester, DelayedDays));
        var page = await browser.OpenAsync(app);
        await page.GotoAsync($"/panels/{panel.Id}");
        await Expect(page.Locator("[data-live-status]")).ToHaveTextAsync("Figures on this page update as agencies send returns.");
        await page.EvaluateAsync("window.notReloaded = true");

        var edited = await app.Get<PanelEditor>().UpdateAsync(panel.Id,
            new PanelDraft(panel.Name, panel.Description, [(Manchester, DelayedDays), (Manchester, Admissions)]), "test");

        Assert.NotNull(edited.Panel);
        var added = page.Locator($"#panel-table tr[data-indicator='{Admissions}']");
        await Expect(added).ToBeVisibleAsync();

        // The figure the edit added is watched from then on: its return updates the open page too.
        await Returns.PostAsync(app, key, new { place = Manchester, indicator = Admissions, period = Month, numerator = 412, denominator = 61000 });
        await Expect(added.Locator("[data-figure=value]")).ToHaveTextAsync("675.4 per 100,000");
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
    }

    [Fact]
    public async Task The_panel_pages_pass_axe_and_the_navigation_marks_panels()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await ComparisonCatalogue.SeedAsync(app);
        var panel = await CreateAsync(app, (Manchester, Admissions), (Bury, Admissions), (Stockport, Admissions), (Manchester, StillAtHome));
        var page = await browser.OpenAsync(app);
        var audit = PageAudit.Watch(page);

        await page.GotoAsync("/panels");
        await audit.AssertCleanAsync(page, "Scrutiny panels", "panels");
        await Expect(page.Locator(".govuk-service-navigation a[aria-current=page]")).ToHaveTextAsync("Panels");

        await page.GotoAsync($"/panels/{panel.Id}");
        await audit.AssertCleanAsync(page, "Committee follow-up: admissions", "panel");
        await Expect(page.Locator(".govuk-service-navigation a[aria-current=true]")).ToHaveTextAsync("Panels");
        // Printed as a committee paper: the title, the date and the figures, without the links to act on.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".app-panel__actions")).ToBeHiddenAsync();
        await Expect(page.Locator(".govuk-service-navigation")).ToBeHiddenAsync();
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-as-of]")).ToBeVisibleAsync();
        await Expect(page.Locator("#panel-table")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "panel-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await AgencySession.SignInAsync(page, key);
        await page.GotoAsync("/panels/new");
        await audit.AssertCleanAsync(page, "Create a panel", "panel-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save panel" }).ClickAsync();
        await audit.AssertCleanAsync(page, "Create a panel", "panel-new-errors");
        await page.GotoAsync($"/panels/{panel.Id}/edit");
        await audit.AssertCleanAsync(page, "Change the panel", "panel-edit");
    }

    private static async Task<Panel> CreateAsync(DashboardApp app, params (string Place, string Indicator)[] items)
    {
        var saved = await app.Get<PanelEditor>().CreateAsync(
            new PanelDraft("Committee follow-up: admissions", "What the committee asked to see.", [.. items.Select(i => ((string?)i.Place, (string?)i.Indicator))]),
            "test");
        return Assert.IsType<Panel>(saved.Panel);
    }
}

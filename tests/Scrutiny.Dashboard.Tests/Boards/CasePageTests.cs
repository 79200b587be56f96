using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Presentation;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Boards;

/// <summary>
/// A commitment's cost-benefit case in Chromium: the figures the API gives, shown whole without JavaScript, every table
/// beside its chart, axe clean, stated through the board's form, and moved live by a return.
/// </summary>
public sealed class CasePageTests(Browser browser)
{
    private const string Board = BoardCase.Board;

    /// <summary>The board's case from July 2025 (six months of baseline, four counted), valued by <see cref="UnitCostAsync"/>.</summary>
    internal static async Task StateCaseAsync(BoardCase c)
    {
        await UnitCostAsync(c);
        using var agency = BoardCase.Client(c.App, c.AgencyKey);
        var stated = await agency.PutAsJsonAsync($"{BoardCase.Api}/cases/{c.Discharges}", new
        {
            starts = "2025-07-01", deadweightPercent = 10m, attributionPercent = 50m, lines = new[] { new { indicator = DelayedDays, unitCost = "bed-day" } },
        });
        Assert.True(stated.IsSuccessStatusCode, await stated.Content.ReadAsStringAsync());
    }

    /// <summary>£400 a bed day, grade 2, whose optimism bias the administrator sets at 10%.</summary>
    internal static async Task UnitCostAsync(BoardCase c)
    {
        using var admin = BoardCase.Client(c.App, c.AdminKey);
        Assert.True((await admin.PutAsJsonAsync("/api/v1/appraisal-settings", new { optimismBias = new[] { new { grade = 2, percent = 10m } } })).IsSuccessStatusCode);
        Assert.True((await admin.PutAsJsonAsync("/api/v1/unit-costs/bed-day", new
        {
            name = "A day in an acute hospital bed", borneBy = "health", value = 400m, priceYear = "2025/26", grade = 2, kind = "fiscal_non_cashable",
            source = "Illustrative figure for the test", illustrative = true,
        })).IsSuccessStatusCode);
    }

    /// <summary>The case's totals as <paramref name="key"/> reads them (none: the public).</summary>
    internal static async Task<JsonElement> TotalsAsync(BoardCase c, string? key = null) =>
        (await BoardCase.Client(c.App, key).GetFromJsonAsync<JsonElement>($"{BoardCase.Api}/cases/{c.Discharges}")).GetProperty("totals");

    [Fact]
    public async Task The_public_reads_the_case_whole_without_JavaScript_with_the_figures_the_API_gives()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await BoardCase.SeedAsync(app);
        await StateCaseAsync(c);
        var totals = await TotalsAsync(c);
        var page = await browser.OpenAsync(app, javaScript: false);

        await page.GotoAsync(BoardPaths.Commitment(Board, c.Discharges));

        var section = page.Locator($"[data-case='{c.Discharges}']");
        await Expect(section.Locator("h2")).ToHaveTextAsync("What it saves");
        await Expect(section.Locator(".govuk-warning-text")).ToContainTextAsync("Illustrative figures");
        await Expect(section.Locator("[data-case-figure=benefit]")).ToHaveTextAsync(Money.Pounds(totals.GetProperty("presentBenefitPence").GetInt64()));
        await Expect(section.Locator("[data-case-figure=cost]")).ToHaveTextAsync(Money.Pounds(totals.GetProperty("presentCostPence").GetInt64()));
        await Expect(section.Locator("[data-case-figure=net]")).ToHaveTextAsync(Money.Pounds(totals.GetProperty("netPresentValuePence").GetInt64()));
        await Expect(section.Locator("[data-case-figure=range]")).ToHaveTextAsync(
            $"{Money.Pounds(totals.GetProperty("presentBenefitLowPence").GetInt64())} to {Money.Pounds(totals.GetProperty("presentBenefitHighPence").GetInt64())}");
        // £200 was spent from the pool in 2026/27, the case's second year, discounted once at 3.5%: £193.24.
        Assert.Equal(19_324, totals.GetProperty("presentCostPence").GetInt64());
        await Expect(section.Locator($"#case-{c.Discharges}-years tbody th")).ToHaveTextAsync(["2025/26 (year 1)", "2026/27 (year 2)"]);
        var outcome = section.Locator($"#case-{c.Discharges}-outcomes tr[data-case-outcome='{DelayedDays}']");
        // £400 × 0.9 × 0.5 × 0.9.
        await Expect(outcome.Locator("td").Nth(1)).ToHaveTextAsync("£162.00");
        await Expect(outcome.Locator("td").Nth(2)).ToContainTextAsync("over 4 periods");
        // Every period counted, period by period, in a details element that needs no JavaScript to open.
        await section.Locator($"[data-case-periods='{DelayedDays}'] summary").ClickAsync();
        await Expect(section.Locator($"#case-{c.Discharges}-{DelayedDays}-periods tbody th")).ToHaveTextAsync(["2025-07", "2025-08", "2025-09", "2025-10"]);
        await Expect(section.Locator($"#case-{c.Discharges}-{DelayedDays}-periods tr[data-period='2025-07'] td").Nth(2)).ToHaveTextAsync("39");
        // The council paid the pool's share of the cost and gains nothing; the NHS bears the bed days.
        var flows = section.Locator($"#case-{c.Discharges}-flows tbody tr");
        await Expect(flows.Locator("th")).ToHaveTextAsync(["Health", "Local government"]);
        await Expect(flows.Last.Locator("td").Nth(2)).ToHaveTextAsync("£0.00");
        // By agency: the council put £2,000 of the pool's £3,250.50 in, so paid that share of the £193.24.
        var council = section.Locator($"#case-{c.Discharges}-agencies tr[data-case-agency='{BoardCase.Council}']");
        await Expect(council.Locator("th")).ToHaveTextAsync("Manchester City Council");
        await Expect(council.Locator("td").Last).ToHaveTextAsync("£118.90");
        // The chart's numbers are in the table, which is what a reader without JavaScript reads.
        await Expect(section.Locator("figure[data-chart=flows] [data-chart-data]")).ToHaveCountAsync(1);
        await Expect(section.GetByRole(AriaRole.Link, new() { Name = "Download the case (CSV)" }))
            .ToHaveAttributeAsync("href", BoardPaths.CaseCsv(Board, c.Discharges));
        // Stating the case is for those who answer for the board.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Change what it saves" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_board_member_states_the_case_through_the_form_without_JavaScript_correcting_a_mistake()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await BoardCase.SeedAsync(app);
        await StateCaseAsync(c);
        using (var agency = BoardCase.Client(app, c.AgencyKey))
            Assert.True((await agency.DeleteAsync($"{BoardCase.Api}/cases/{c.Discharges}")).IsSuccessStatusCode);
        var page = await browser.OpenAsync(app, javaScript: false);
        await PersonSession.SignInAsync(page, c.People.BoardMember);
        await page.GotoAsync(BoardPaths.Commitment(Board, c.Discharges));
        await Expect(page.Locator("[data-case]")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "State what it saves" }).ClickAsync();

        await page.FillAsync("#starts", "1 July 2025");
        await page.FillAsync("#deadweightPercent", "110");
        await page.FillAsync("#attributionPercent", "half");
        await page.SelectOptionAsync("#lines-0-indicator", DelayedDays);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the case" }).ClickAsync();

        var problems = page.Locator(".govuk-error-summary a");
        await Expect(problems).ToHaveTextAsync(["The day the work started must be a real date, written like 2026-09-30",
            "The deadweight must be from 0 to 100 per cent", "The attribution must be a number, such as 72.5", "Choose a unit cost"]);
        Assert.Equal(["#starts", "#deadweightPercent", "#attributionPercent", "#lines-0-unitCost"],
            await problems.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        await Expect(page.Locator("#lines-0-indicator")).ToHaveValueAsync(DelayedDays);

        await page.FillAsync("#starts", "2025-07-01");
        await page.FillAsync("#deadweightPercent", "10");
        await page.FillAsync("#attributionPercent", "50");
        await page.SelectOptionAsync("#lines-0-unitCost", "bed-day");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the case" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Cut delayed discharges");
        var totals = await TotalsAsync(c);
        await Expect(page.Locator("[data-case-figure=benefit]")).ToHaveTextAsync(Money.Pounds(totals.GetProperty("presentBenefitPence").GetInt64()));
        await page.GetByRole(AriaRole.Link, new() { Name = "Change what it saves" }).ClickAsync();
        await Expect(page.Locator("#deadweightPercent")).ToHaveValueAsync("10");
        await Expect(page.Locator("#lines-0-unitCost")).ToHaveValueAsync("bed-day");
    }

    [Fact]
    public async Task The_case_moves_on_the_open_page_when_a_return_lands_and_its_pages_pass_axe()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await BoardCase.SeedAsync(app);
        await StateCaseAsync(c);
        var page = await browser.OpenAsync(app);
        var audit = PageAudit.Watch(page);
        await PersonSession.SignInAsync(page, c.People.BoardMember);

        await page.GotoAsync(BoardPaths.Commitment(Board, c.Discharges));
        await audit.AssertCleanAsync(page, "Cut delayed discharges", "board-commitment-case");
        await Expect(page.Locator("figure[data-chart=flows]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("app-chart--drawn"));
        var benefit = page.Locator("[data-case-figure=benefit]");
        var before = await benefit.TextContentAsync();
        await Expect(page.Locator("[data-live-status]")).ToBeVisibleAsync();
        await page.EvaluateAsync("window.notReloaded = true");

        // November far below the baseline: more bed days saved.
        await Returns.PostAsync(app, c.AgencyKey, BoardCase.Days("2025-11", 10));

        await Expect(benefit).Not.ToHaveTextAsync(before!);
        var totals = await TotalsAsync(c);
        await Expect(benefit).ToHaveTextAsync(Money.Pounds(totals.GetProperty("presentBenefitPence").GetInt64()));
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));

        await page.GotoAsync(BoardPaths.Pack(Board));
        await Expect(page.Locator($"[data-pack-section=cases] [data-case='{c.Discharges}'] h3")).ToHaveTextAsync("What it saves: Cut delayed discharges");
        await audit.AssertCleanAsync(page, "Board pack: Manchester Health and Wellbeing Board", "board-pack-case");
    }
}

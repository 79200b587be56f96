using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Boards;

/// <summary>
/// A board's cohort in Chromium: listed on the board's page and the place's "You said, we did", its page whole without
/// JavaScript (its size and outcomes with their SPC tables and baselines, its case), axe clean, and defined through the
/// board's form with its mistakes named.
/// </summary>
public sealed class CohortPageTests(Browser browser)
{
    private const string Board = BoardCase.Board;
    private const string Size = "falls-cohort-size";

    /// <summary>The board's case catalogue, a cohort-size indicator with ten months returned, and a cohort defined through the API.</summary>
    private static async Task<(BoardCase Case, string Cohort)> SeedAsync(DashboardApp app)
    {
        var c = await BoardCase.SeedAsync(app);
        var writer = app.Get<CatalogueWriter>();
        await writer.UpsertIndicatorsAsync([new IndicatorDefinition(Size, "Older people who have fallen twice or more this year (cohort size)", "health_and_care",
            IndicatorUnit.Count, Polarity.NoJudgement, Frequency.Monthly, CombineMethod.Sum)]);
        await writer.AssignIndicatorsAsync(TestCatalogue.Agency, [Admissions, DelayedDays, StillAtHome, Size]);
        await Returns.PostAsync(app, c.AgencyKey,
            [.. Enumerable.Range(1, 10).Select(m => new { place = Manchester, indicator = Size, period = $"2025-{m:00}", numerator = 300.0 + m, denominator = (double?)null })]);
        using var agency = BoardCase.Client(app, c.AgencyKey);
        var created = await agency.PostAsJsonAsync($"{BoardCase.Api}/cohorts", new
        {
            name = "Older people who fall", description = "People the trust and the council support together after a fall.",
            eligibility = "Aged 65 and over, with two or more falls in a year", agencies = new[] { TestCatalogue.Agency, BoardCase.Council }, sizeIndicator = Size,
            outcomes = new[] { DelayedDays }, commitments = new[] { c.Discharges },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (c, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task The_public_finds_the_cohort_and_reads_its_size_outcomes_and_case_without_JavaScript()
    {
        await using var app = await DashboardApp.StartAsync();
        var (c, cohort) = await SeedAsync(app);
        await CasePageTests.UnitCostAsync(c);
        using (var agency = BoardCase.Client(app, c.AgencyKey))
            Assert.True((await agency.PutAsJsonAsync($"{BoardCase.Api}/cases/{cohort}", new
            {
                starts = "2025-07-01", deadweightPercent = 10m, attributionPercent = 50m, lines = new[] { new { indicator = DelayedDays, unitCost = "bed-day" } },
            })).IsSuccessStatusCode);
        var page = await browser.OpenAsync(app, javaScript: false);

        await page.GotoAsync(CommitteeAddresses.PlaceRecommendations(Manchester));
        await Expect(page.Locator($"#cohorts-{Board} tr[data-cohort='{cohort}'] td").Last).ToHaveTextAsync("Stated");
        await page.GotoAsync(BoardPaths.Board(Board));
        await page.Locator($"#cohorts-table tr[data-cohort='{cohort}']").GetByRole(AriaRole.Link, new() { Name = "Older people who fall" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Older people who fall");
        await Expect(page.Locator("[data-cohort-field=eligibility]")).ToHaveTextAsync("Aged 65 and over, with two or more falls in a year");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cut delayed discharges" })).ToHaveAttributeAsync("href", BoardPaths.Commitment(Board, c.Discharges));
        // Its size first, then each outcome: every chart's numbers in a table beside it.
        await Expect(page.Locator("[data-cohort-indicator] h2")).ToHaveTextAsync(["Its size", "Days people spent in hospital after they were ready to leave"]);
        await Expect(page.Locator($"#{Size}-spc tbody tr")).ToHaveCountAsync(10);
        await Expect(page.Locator($"#{DelayedDays}-spc tbody tr")).ToHaveCountAsync(10);
        await Expect(page.Locator($"#{DelayedDays}-forecast tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator($"#{Size}-chart [data-chart-data]")).ToHaveCountAsync(1);
        // Its case counts its outcomes against its commitment's spend: the same £162 a bed day as the commitment's would.
        var section = page.Locator($"[data-case='{cohort}']");
        await Expect(section.Locator($"#case-{cohort}-outcomes td").Nth(1)).ToHaveTextAsync("£162.00");
        await Expect(section.Locator("[data-case-figure=cost]")).ToHaveTextAsync("£193.24");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Change the cohort" })).ToHaveCountAsync(0);
        Assert.Equal(404, (await page.GotoAsync(BoardPaths.Cohort(Board, "k99")))!.Status);
    }

    [Fact]
    public async Task A_board_member_defines_a_cohort_without_JavaScript_and_its_pages_pass_axe()
    {
        await using var app = await DashboardApp.StartAsync();
        var (c, cohort) = await SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await PersonSession.SignInAsync(page, c.People.BoardMember);
        await page.GotoAsync(BoardPaths.Board(Board));
        await page.GetByRole(AriaRole.Link, new() { Name = "Define a cohort" }).ClickAsync();

        await page.FillAsync("#name", "People leaving hospital");
        await page.SelectOptionAsync("#sizeIndicator", DelayedDays);
        await page.GetByRole(AriaRole.Button, new() { Name = "Define cohort" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a")).ToHaveTextAsync(["Enter who is in it", "Enter about the cohort", "Choose an agency that works with it"]);
        await Expect(page.Locator("#name")).ToHaveValueAsync("People leaving hospital");

        await page.FillAsync("#eligibility", "Adults medically fit to leave hospital");
        await page.FillAsync("#description", "People the ward teams and social workers help home together.");
        await page.CheckAsync($"#{GovukCheckboxId("agencies", TestCatalogue.Agency)}");
        await page.SelectOptionAsync("#outcomes-0", Admissions);
        await page.GetByRole(AriaRole.Button, new() { Name = "Define cohort" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("People leaving hospital");
        await Expect(page.Locator("[data-cohort-indicator] h2")).ToHaveTextAsync(["Its size", "Emergency hospital admissions of people aged 65 and over"]);

        var browse = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(browse, c.People.BoardMember);
        var audit = PageAudit.Watch(browse);
        await browse.GotoAsync(BoardPaths.Cohort(Board, cohort));
        await audit.AssertCleanAsync(browse, "Older people who fall", "board-cohort");
        await browse.GotoAsync(BoardPaths.Board(Board));
        await audit.AssertCleanAsync(browse, "Manchester Health and Wellbeing Board", "board-with-cohort");
    }

    private static string GovukCheckboxId(string prefix, string value) => Scrutiny.Dashboard.Components.Govuk.GovukCheckboxes.ItemId(prefix, value);
}

using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Presentation;
using Scrutiny.Dashboard.Tests.Boards;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Committees;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Committees;

/// <summary>
/// The committee paper: a cover, the panel's figures with charts and tables, the recommendation tracker and the
/// board's commitments. The public's paper holds published figures only and says so; an administrator's holds the
/// month not yet released, marked. Printed to PDF with a section per sheet and none of the screen's controls.
/// </summary>
public sealed partial class CommitteePaperTests(Browser browser)
{
    private const string Unpublished = BoardCase.ConcernMonth;

    [Fact]
    public async Task The_publics_paper_holds_published_figures_only_and_an_administrators_holds_the_unpublished_month_marked()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await AccountabilityCase.SeedAsync(app);
        await CasePageTests.StateCaseAsync(c.Board);
        var days = $"[data-paper-section=figures] tr[data-indicator='{DelayedDays}']";
        var saved = $"[data-paper-section=boards] [data-case='{c.Board.Discharges}'] [data-case-figure=benefit]";
        var (publicBenefit, allBenefit) = ((await CasePageTests.TotalsAsync(c.Board)).GetProperty("presentBenefitPence").GetInt64(),
            (await CasePageTests.TotalsAsync(c.Board, c.Board.AdminKey)).GetProperty("presentBenefitPence").GetInt64());
        // November's unpublished 95 days, far above the baseline, costs the case bed days: only those entitled see it so.
        Assert.True(allBenefit < publicBenefit);
        var status = $"#paper-commitments-{BoardCase.Board} tr[data-commitment='{c.Board.Discharges}'] [data-commitment-status]";

        var plain = await browser.OpenAsync(app, javaScript: false);
        await plain.GotoAsync(c.Paper);
        await Expect(plain.Locator("h1")).ToHaveTextAsync("Committee paper: Manchester Health Scrutiny Committee");
        await Expect(plain.Locator(days + " [data-figure=period]")).ToHaveTextAsync("2025-10");
        await Expect(plain.Locator("#paper-spc-table-1 tbody tr")).ToHaveCountAsync(BoardCase.SteadyDays.Length);
        await Expect(plain.Locator("[data-paper-view=published]")).ToContainTextAsync("published figures only");
        await Expect(plain.Locator("[data-unpublished]")).ToHaveCountAsync(0);
        await Expect(plain.Locator(status)).ToHaveTextAsync("On track");
        await Expect(plain.Locator(saved)).ToHaveTextAsync(Money.Pounds(publicBenefit));
        // The month is in the chart's baseline forecast (a period to come, worked out from published values), never as a value.
        await Expect(plain.Locator($"[data-period='{Unpublished}']")).ToHaveCountAsync(0);
        Assert.DoesNotContain("\"value\":95,", await plain.ContentAsync());
        // The tracker: every open recommendation (the closed one is not), with its answer and latest update.
        await Expect(plain.Locator("#paper-tracker tbody tr")).ToHaveCountAsync(2);
        await Expect(plain.Locator($"#paper-tracker tr[data-recommendation='{c.Closed}']")).ToHaveCountAsync(0);
        var agreed = plain.Locator($"#paper-tracker tr[data-recommendation='{c.Agreed}']");
        await Expect(agreed.Locator("[data-response]")).ToHaveTextAsync($"Agreed. {AccountabilityCase.Reasons}");
        await Expect(agreed.Locator("[data-progress]")).ToContainTextAsync($"Under way. {AccountabilityCase.UpdateText}");
        await Expect(agreed).ToContainTextAsync("In place by");
        await Expect(plain.Locator($"#paper-tracker tr[data-recommendation='{c.Unanswered}']")).ToContainTextAsync("Response due");
        // Without JavaScript there is no button to press, and the sentence says what to do instead.
        await Expect(plain.Locator("[data-print-button]")).ToBeHiddenAsync();
        await Expect(plain.Locator("[data-print-fallback]")).ToBeVisibleAsync();

        var admin = await browser.OpenAsync(app, javaScript: false);
        await PersonSession.SignInAsync(admin, c.Board.People.Administrator);
        await admin.GotoAsync(c.Paper);
        await Expect(admin.Locator(days + " [data-figure=period]")).ToHaveTextAsync(Unpublished);
        await Expect(admin.Locator(days + " [data-figure=value]")).ToHaveTextAsync("95");
        await Expect(admin.Locator("#paper-spc-table-1 tbody tr")).ToHaveCountAsync(BoardCase.SteadyDays.Length + 1);
        await Expect(admin.Locator($"[data-unpublished='{Unpublished}']")).ToBeVisibleAsync();
        Assert.Contains("\"value\":95,", await admin.ContentAsync());
        await Expect(admin.Locator("[data-paper-view=all]")).ToContainTextAsync("Do not hand it out in public");
        await Expect(admin.Locator(status)).ToHaveTextAsync("Off track");
        await Expect(admin.Locator(saved)).ToHaveTextAsync(Money.Pounds(allBenefit));

        // An address naming no panel says so, next to the list to choose from.
        await plain.GotoAsync(CommitteeAddresses.Paper(TestPeople.Committee, "no-such-panel"));
        await Expect(plain.Locator(".govuk-error-summary a[href='#panel']")).ToHaveTextAsync("There is no panel with that address: choose a panel from the list");
        await Expect(plain).ToHaveTitleAsync(new Regex("^Error: "));
    }

    [Fact]
    public async Task The_paper_chosen_from_the_committee_page_prints_to_a_pdf_a_section_a_sheet()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await AccountabilityCase.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await page.GotoAsync(CommitteeAddresses.Committee(TestPeople.Committee));
        await page.Locator("[data-committee-paper]").ClickAsync();
        await Expect(page.Locator("[data-paper-section=figures]")).ToContainTextAsync("No panel was chosen");
        await page.SelectOptionAsync("#panel", c.PanelId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show this panel" }).ClickAsync();
        await Expect(page.Locator("#paper-figures")).ToHaveTextAsync("1. Panel: Hospital discharge");
        Assert.EndsWith(c.Paper, page.Url);
        var audit = PageAudit.Watch(page);
        await page.ReloadAsync();
        await Expect(page.Locator("#paper-chart-1 svg.apexcharts-svg")).ToBeVisibleAsync();
        await audit.AssertCleanAsync(page, "Committee paper: Manchester Health Scrutiny Committee", "committee-paper");
        await Expect(page.Locator("[data-print-button]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-print-fallback]")).ToBeHiddenAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        foreach (var section in new[] { "cover", "figures", "recommendations", "boards" })
            await Expect(page.Locator($"[data-paper-section={section}]")).ToBeVisibleAsync();
        await Expect(page.Locator("#paper-chart-1 svg.apexcharts-svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#paper-spc-table-1")).ToBeVisibleAsync();
        await Expect(page.Locator("#paper-tracker")).ToBeVisibleAsync();
        await Expect(page.Locator($"#paper-commitments-{BoardCase.Board}")).ToBeVisibleAsync();
        foreach (var control in new[] { ".app-paper__controls", "[data-print-button]", ".govuk-service-navigation", ".govuk-breadcrumbs", ".app-contents" })
            await Expect(page.Locator(control).First).ToBeHiddenAsync();
        Assert.Equal("page", await page.Locator("[data-paper-section=cover]").EvaluateAsync<string>("e => getComputedStyle(e).breakAfter"));
        Assert.Equal("page", await page.Locator("[data-paper-section=recommendations]").EvaluateAsync<string>("e => getComputedStyle(e).breakBefore"));

        await Screenshots.SaveAsync(page, "committee-paper-print");
        // A cover, then the figures, the tracker and the boards each from a new page.
        await PrintedPdf.SaveAsync(page, "committee-paper", atLeastPages: 4);
    }
}

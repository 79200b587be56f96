using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Dashboard.Tests.Boards;

/// <summary>The board pack: the meeting view, the commitments and the budget, laid out for paper and printed to PDF.</summary>
public sealed partial class BoardPackTests(Browser browser)
{
    [Fact]
    public async Task The_board_pack_prints_to_a_pdf_with_its_sections_and_without_the_screens_controls()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await BoardCase.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await PersonSession.SignInAsync(page, c.People.BoardMember);
        await page.GotoAsync(BoardPaths.Meeting(BoardCase.Board));
        await page.GetByRole(AriaRole.Link, new() { Name = "The board pack for this meeting, to print" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Board pack: Manchester Health and Wellbeing Board");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        foreach (var section in new[] { "cover", "meeting", "commitments", "budget" })
            await Expect(page.Locator($"[data-pack-section={section}]")).ToBeVisibleAsync();
        await Expect(page.Locator("#status-changes-table")).ToBeVisibleAsync();
        await Expect(page.Locator("#missed-milestones-table")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-meeting=no-recommendations]")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-pack-section=commitments] section[data-commitment='{c.Discharges}'] h3")).ToContainTextAsync("Cut delayed discharges On track");
        await Expect(page.Locator("#budget-2026-27-agency")).ToBeVisibleAsync();
        await Expect(page.Locator(".govuk-service-navigation")).ToBeHiddenAsync();
        await Expect(page.Locator(".govuk-breadcrumbs")).ToBeHiddenAsync();
        await Expect(page.Locator(".app-board-pack__screen-only")).ToBeHiddenAsync();
        // Each numbered section starts a new sheet, after a cover of its own.
        Assert.Equal("page", await page.Locator("[data-pack-section=cover]").EvaluateAsync<string>("e => getComputedStyle(e).breakAfter"));
        Assert.Equal("page", await page.Locator("[data-pack-section=commitments]").EvaluateAsync<string>("e => getComputedStyle(e).breakBefore"));

        await Screenshots.SaveAsync(page, "board-pack-print");
        // A cover, then the meeting view, the commitments and the budget each from a new page.
        await PrintedPdf.SaveAsync(page, "board-pack", atLeastPages: 4);
    }
}

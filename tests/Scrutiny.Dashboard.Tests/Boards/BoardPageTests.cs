using Microsoft.Playwright;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Boards;

/// <summary>The board pages: complete without JavaScript, clean under axe, public where residents read them.</summary>
public sealed class BoardPageTests(Browser browser)
{
    private const string Board = BoardCase.Board;

    [Fact]
    public async Task The_public_reads_the_board_its_commitments_and_turn_the_curve_without_JavaScript()
    {
        await using var app = await DashboardApp.StartAsync();
        await BoardCase.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);

        await page.GotoAsync(BoardPaths.List);
        var row = page.Locator($"#boards-table tr[data-board='{Board}']");
        await Expect(row.Locator("th")).ToHaveTextAsync("Manchester");
        await Expect(row.Locator("[data-commitment-counts]")).ToHaveTextAsync("2: 1 on track, 1 off track");
        await row.GetByRole(AriaRole.Link).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Manchester Health and Wellbeing Board");
        await Expect(page.Locator("[data-board=chair]")).ToHaveTextAsync("Cllr Bev Craig");
        await Expect(page.Locator("[data-board=meetings] li")).ToHaveTextAsync(["1 October 2026 (last meeting)", "15 January 2027 (next meeting)"]);
        await Expect(page.Locator("[data-board-view=published]")).ToBeVisibleAsync();
        var commitments = page.Locator("#commitments-table tbody tr");
        await Expect(commitments.Locator("th a")).ToHaveTextAsync(["Cut delayed discharges", "Join up hospital discharge teams"]);
        // Each status in words (the colour is a second signal), with its API name beside it.
        await Expect(commitments.Locator("[data-commitment-status]")).ToHaveTextAsync(["On track", "Off track"]);
        await Expect(commitments.First.Locator("[data-commitment-status]")).ToHaveAttributeAsync("data-commitment-status", "on_track");
        await Expect(commitments.First.Locator("td").Nth(2)).ToContainTextAsync("Discharge-to-assess beds open");
        await Expect(commitments.First.Locator("td").Nth(3).Locator("a")).ToHaveAttributeAsync("href", $"/places/{Manchester}/indicators/{DelayedDays}");
        // The pooled budget: by agency, by sector and by commitment, each with its total.
        var agencies = page.Locator("#budget-2026-27-agency tbody tr");
        await Expect(agencies.Locator("th")).ToHaveTextAsync(["Manchester City Council", "Manchester University NHS Foundation Trust", "Total"]);
        await Expect(agencies.Last.Locator("td")).ToHaveTextAsync(["£3,250.50", "£200.00"]);
        await Expect(page.Locator("#budget-2026-27-sector tbody th")).ToHaveTextAsync(["Health", "Local government", "Total"]);
        await Expect(page.Locator("#budget-2026-27-commitment tbody tr").First.Locator("td")).ToHaveTextAsync("£200.00");
        await Expect(page.Locator("[data-budget=balance]")).ToHaveTextAsync("£3,050.50");
        // The forms and the meeting view are for those who answer for the board.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Make a commitment" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Meeting view: everything since the last meeting" })).ToHaveCountAsync(0);

        await page.Locator("#commitments-table").GetByRole(AriaRole.Link, new() { Name = "Cut delayed discharges" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Cut delayed discharges");
        await Expect(page.Locator("#milestones-table [data-milestone-state]")).ToHaveTextAsync(["Not yet due"]);
        await Expect(page.Locator("#indicators-table tbody tr th a").First).ToHaveTextAsync(
            "Days people spent in hospital after they were ready to leave");
        await Expect(page.Locator("#indicators-table [data-statistic=point_type]")).ToHaveTextAsync(["Common cause"]);
        await Expect(page.Locator("#updates-table a")).ToHaveAttributeAsync("href", "https://example.org/d2a-report.pdf");
        await Expect(page.Locator("#history-table [data-commitment-status]").Last).ToHaveTextAsync("On track");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add an update" })).ToHaveCountAsync(0);

        await page.GotoAsync(BoardPaths.TurnTheCurve(Board, DelayedDays));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Turn the Curve: Days people spent in hospital after they were ready to leave");
        // The chart's numbers are in its table, which is what a reader without JavaScript reads.
        await Expect(page.Locator("#curve-chart [data-chart-data]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#spc-table tbody tr")).ToHaveCountAsync(10);
        await Expect(page.Locator("#forecast-table tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-story]")).ToHaveTextAsync("People wait in hospital for home care packages to start.");
        await Expect(page.Locator("#partners-table tbody td")).ToHaveTextAsync(["Commissions home care"]);
        await Expect(page.Locator("#what-works-table tr[data-cost=no_cost] .govuk-tag")).ToHaveTextAsync("No cost");
        await Expect(page.Locator("#action-plan-table tbody th a")).ToHaveTextAsync(["Cut delayed discharges"]);

        Assert.Equal(404, (await page.GotoAsync(BoardPaths.Commitment(Board, "c99")))!.Status);
        Assert.Equal(404, (await page.GotoAsync(BoardPaths.Board("no-such-board")))!.Status);
        Assert.Equal(404, (await page.GotoAsync(BoardPaths.TurnTheCurve(Board, "no-such-indicator")))!.Status);
    }

    [Fact]
    public async Task A_board_member_reads_the_meeting_view_without_JavaScript_and_a_scrutiny_member_may_not()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await BoardCase.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await PersonSession.SignInAsync(page, c.People.BoardMember);

        await page.GotoAsync(BoardPaths.Board(Board));
        await Expect(page.Locator("[data-board-view=all]")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Make a commitment" })).ToHaveAttributeAsync("href", BoardPaths.NewCommitment(Board));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Change the chair and meeting dates" })).ToHaveAttributeAsync("href", BoardPaths.EditDetails(Board));
        await page.GetByRole(AriaRole.Link, new() { Name = "Meeting view: everything since the last meeting" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Meeting view");
        // By default, since the last meeting before today.
        await Expect(page.Locator("[data-since]")).ToHaveAttributeAsync("data-since", "2026-10-01");
        var moves = page.Locator("#status-changes-table tbody tr");
        await Expect(moves.Locator("th")).ToHaveTextAsync(["Cut delayed discharges", "Join up hospital discharge teams"]);
        await Expect(moves.Locator("[data-was]")).ToHaveTextAsync(["Made since then", "Made since then"]);
        await Expect(moves.Locator("[data-now]")).ToHaveTextAsync(["On track", "Off track"]);
        await Expect(moves.Nth(1).Locator("td").Last).ToContainTextAsync("Milestone missed: One discharge team per hospital");
        var missed = page.Locator("#missed-milestones-table tbody tr");
        await Expect(missed.Locator("th")).ToContainTextAsync(["One discharge team per hospital"]);
        await Expect(missed.Locator("td")).ToHaveTextAsync(["Join up hospital discharge teams", "Manchester City Council", "20 September 2026",
            (DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - new DateOnly(2026, 9, 20).DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await Expect(page.Locator("[data-meeting=no-special-causes]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-meeting=no-recommendations]")).ToHaveTextAsync(
            "None: no scrutiny committee has a recommendation awaiting this board's response.");

        // A date that cannot be read is named and linked to its field; the view counts from the last meeting meanwhile.
        await page.FillAsync("#since", "10/01/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show changes" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a")).ToHaveTextAsync(["Enter the date to show changes since as year-month-day, for example 2026-09-10"]);
        await Expect(page.Locator(".govuk-error-summary a")).ToHaveAttributeAsync("href", "#since");
        await Expect(page.Locator("#since")).ToHaveValueAsync("10/01/2026");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        // A later date: nothing changed since then.
        await page.GotoAsync($"{BoardPaths.Meeting(Board)}?since=2030-01-01");
        await Expect(page.Locator("[data-meeting=no-status-changes]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-meeting=no-missed-milestones]")).ToBeVisibleAsync();

        var scrutiny = await browser.OpenAsync(app, javaScript: false);
        await PersonSession.SignInAsync(scrutiny, c.People.ScrutinyMember);
        Assert.Equal(403, (await scrutiny.GotoAsync(BoardPaths.Meeting(Board)))!.Status);
        await Expect(scrutiny.Locator("[data-access-denied]")).ToContainTextAsync("The meeting view is for those who answer for");
        Assert.Equal(403, (await scrutiny.GotoAsync(BoardPaths.Pack(Board)))!.Status);
        await scrutiny.GotoAsync(BoardPaths.Board(Board));
        await Expect(scrutiny.Locator("[data-board-view=published]")).ToBeVisibleAsync();

        var anonymous = await browser.OpenAsync(app, javaScript: false);
        await anonymous.GotoAsync(BoardPaths.Meeting(Board));
        Assert.Contains("/sign-in", anonymous.Url);
    }

    [Fact]
    public async Task The_board_pages_pass_axe_and_the_navigation_marks_boards()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await BoardCase.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        var audit = PageAudit.Watch(page);

        await page.GotoAsync(BoardPaths.List);
        await audit.AssertCleanAsync(page, "Partnership boards", "boards");
        await Expect(page.Locator(".govuk-service-navigation a[aria-current=page]")).ToHaveTextAsync("Boards");
        await page.GotoAsync(BoardPaths.Board(Board));
        await audit.AssertCleanAsync(page, "Manchester Health and Wellbeing Board", "board-public");

        await PersonSession.SignInAsync(page, c.People.BoardMember);
        await page.GotoAsync(BoardPaths.Board(Board));
        await audit.AssertCleanAsync(page, "Manchester Health and Wellbeing Board", "board");
        await Expect(page.Locator(".govuk-service-navigation a[aria-current=true]")).ToHaveTextAsync("Boards");
        await page.GotoAsync(BoardPaths.Commitment(Board, c.Discharges));
        await audit.AssertCleanAsync(page, "Cut delayed discharges", "board-commitment");
        await page.GotoAsync(BoardPaths.TurnTheCurve(Board, DelayedDays));
        await audit.AssertCleanAsync(page, "Turn the Curve: Days people spent in hospital after they were ready to leave", "board-turn-the-curve");
        await page.GotoAsync(BoardPaths.Meeting(Board));
        await audit.AssertCleanAsync(page, "Meeting view", "board-meeting");
        await page.GotoAsync($"{BoardPaths.Meeting(Board)}?since=yesterday");
        await audit.AssertCleanAsync(page, "Meeting view", "board-meeting-error");
        await page.GotoAsync(BoardPaths.Pack(Board));
        await audit.AssertCleanAsync(page, "Board pack: Manchester Health and Wellbeing Board", "board-pack");
    }
}

using Microsoft.Playwright;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Boards;

/// <summary>The meeting view and the board page follow the board live: a return reaches them without a reload.</summary>
public sealed class BoardLiveTests(Browser browser)
{
    private const string Live = "Statuses on this page update as agencies send returns and the board records its work.";

    [Fact]
    public async Task A_return_that_moves_a_linked_indicator_into_special_cause_concern_turns_the_commitment_off_track_on_open_pages()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await BoardCase.SeedAsync(app);
        var meeting = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(meeting, c.People.BoardMember);
        var board = await meeting.Context.NewPageAsync();

        await meeting.GotoAsync(BoardPaths.Meeting(BoardCase.Board));
        await board.GotoAsync(BoardPaths.Board(BoardCase.Board));
        var meetingStatus = meeting.Locator($"#commitments-table tr[data-commitment='{c.Discharges}'] [data-commitment-status]");
        var moved = meeting.Locator($"#status-changes-table tr[data-commitment='{c.Discharges}'] [data-now] [data-commitment-status]");
        var boardStatus = board.Locator($"#commitments-table tr[data-commitment='{c.Discharges}'] [data-commitment-status]");
        await Expect(meetingStatus).ToHaveTextAsync("On track");
        await Expect(boardStatus).ToHaveTextAsync("On track");
        await Expect(meeting.Locator("[data-meeting=no-special-causes]")).ToBeVisibleAsync();
        // Shown once each page watches board:{id}, so the change below arrives by push, not by the catch-up.
        await Expect(meeting.Locator("[data-live-status]")).ToHaveTextAsync("This page updates as agencies send returns and the board records its work.");
        await Expect(board.Locator("[data-live-status]")).ToHaveTextAsync(Live);
        await meeting.EvaluateAsync("window.notReloaded = true");
        await board.EvaluateAsync("window.notReloaded = true");

        await c.PostConcernAsync();

        await Expect(meetingStatus).ToHaveTextAsync("Off track");
        await Expect(meetingStatus).ToHaveAttributeAsync("data-commitment-status", "off_track");
        await Expect(moved).ToHaveTextAsync("Off track");
        var cause = meeting.Locator($"#special-causes-table tr[data-indicator='{DelayedDays}']");
        await Expect(cause.Locator("[data-statistic=point_type]")).ToHaveTextAsync("Concern");
        await Expect(cause.Locator("td").First).ToHaveTextAsync(BoardCase.ConcernMonth);
        await Expect(meeting.Locator("[data-live-announcer]")).ToContainTextAsync("Meeting view updated");
        await Expect(boardStatus).ToHaveTextAsync("Off track");
        await Expect(board.Locator("[data-live-announcer]")).ToContainTextAsync("Commitments updated");
        Assert.True(await meeting.EvaluateAsync<bool>("window.notReloaded === true"));
        Assert.True(await board.EvaluateAsync<bool>("window.notReloaded === true"));

        // The commitment's page says why, and its history keeps the move, recorded from the return.
        await board.GotoAsync(BoardPaths.Commitment(BoardCase.Board, c.Discharges));
        await Expect(board.Locator("[data-status-reasons] li")).ToHaveTextAsync([
            "Days people spent in hospital after they were ready to leave shows special-cause variation away from where the commitment wants it"]);
        var latest = board.Locator("#history-table tbody tr").First;
        await Expect(latest.Locator("[data-commitment-status]")).ToHaveTextAsync("Off track");
        await Expect(latest.Locator("td").Last).ToHaveTextAsync("Worked out from a new figure");
    }
}

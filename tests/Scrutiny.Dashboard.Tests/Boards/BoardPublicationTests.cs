using System.Net.Http.Json;
using System.Text.Json;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Boards;

/// <summary>
/// The public's board pages derive statuses from published values only: delayed discharge days are published on
/// release here, the ten steady months released, the month of concern not yet.
/// </summary>
public sealed class BoardPublicationTests(Browser browser)
{
    [Fact]
    public async Task An_unpublished_special_cause_moves_the_board_members_status_but_not_the_publics()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await BoardCase.SeedAsync(app, async adminKey =>
        {
            await app.Get<CatalogueWriter>().SetScheduleAsync(new IndicatorSchedule(DelayedDays, 30, null, null, PublicationRule.OnRelease));
            // Released before they arrive: each steady month is public as soon as it is accepted.
            using var admin = BoardCase.Client(app, adminKey);
            for (var month = 1; month <= BoardCase.SteadyDays.Length; month++)
                Assert.True((await admin.PostAsJsonAsync($"/api/v1/indicators/{DelayedDays}/releases", new { period = $"2025-{month:00}" })).IsSuccessStatusCode);
        });
        var publicPage = await browser.OpenAsync(app);
        await publicPage.GotoAsync(BoardPaths.Board(BoardCase.Board));
        await Expect(publicPage.Locator("[data-live-status]")).ToHaveTextAsync("Statuses on this page update as agencies send returns and the board records its work.");
        await publicPage.EvaluateAsync("window.notReloaded = true");
        var member = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(member, c.People.BoardMember);
        await member.GotoAsync(BoardPaths.Board(BoardCase.Board));
        await Expect(member.Locator("[data-live-status]")).ToHaveTextAsync("Statuses on this page update as agencies send returns and the board records its work.");

        await c.PostConcernAsync();

        // The board member sees the unpublished month move the status, live, and is told the public does not.
        var status = $"#commitments-table tr[data-commitment='{c.Discharges}'] [data-commitment-status]";
        await Expect(member.Locator(status)).ToHaveTextAsync("Off track");
        await Expect(member.Locator("[data-board-view=all]")).ToContainTextAsync("The public sees statuses worked out from published values only.");
        // The public page heard nothing and, read again, still says on track.
        await Expect(publicPage.Locator(status)).ToHaveTextAsync("On track");
        Assert.True(await publicPage.EvaluateAsync<bool>("window.notReloaded === true"));
        var plain = await browser.OpenAsync(app, javaScript: false);
        foreach (var address in new[] { BoardPaths.Board(BoardCase.Board), BoardPaths.Commitment(BoardCase.Board, c.Discharges), BoardPaths.List })
        {
            await plain.GotoAsync(address);
            Assert.DoesNotContain(BoardCase.ConcernMonth, await plain.ContentAsync());
        }
        await plain.GotoAsync(BoardPaths.Board(BoardCase.Board));
        await Expect(plain.Locator(status)).ToHaveTextAsync("On track");
        await plain.GotoAsync(BoardPaths.TurnTheCurve(BoardCase.Board, DelayedDays));
        await Expect(plain.Locator("#spc-table tbody tr")).ToHaveCountAsync(BoardCase.SteadyDays.Length);
        await plain.GotoAsync(BoardPaths.List);
        await Expect(plain.Locator("[data-commitment-counts]")).ToHaveTextAsync("2: 1 on track, 1 off track");

        // The records API reads the same way: the public's statuses from published values, an administrator's from all.
        using var anonymous = BoardCase.Client(app, null);
        using var admin = BoardCase.Client(app, c.AdminKey);
        Assert.Equal("on_track", await StatusAsync(anonymous, c.Discharges));
        Assert.Equal("off_track", await StatusAsync(admin, c.Discharges));
        // Its curve's history stops at the last released month (the baseline forecast goes on from there).
        var curve = await anonymous.GetFromJsonAsync<JsonElement>($"{BoardCase.Api}/turn-the-curve/{DelayedDays}", TestContext.Current.CancellationToken);
        Assert.Equal("2025-10", curve.GetProperty("history").EnumerateArray().Last().GetProperty("period").GetString());
    }

    private static async Task<string?> StatusAsync(HttpClient client, string commitment)
    {
        var board = await client.GetFromJsonAsync<JsonElement>($"{BoardCase.Api}/commitments", TestContext.Current.CancellationToken);
        return board.GetProperty("commitments").EnumerateArray().Single(x => x.GetProperty("id").GetString() == commitment).GetProperty("status").GetString();
    }
}

using Microsoft.Playwright;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Boards.Forms.BoardFormsCatalogue;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Boards.Forms;

/// <summary>The board's forms in Chromium: zero axe violations, and a whole commitment made with JavaScript off.</summary>
public sealed class BoardFormsBrowserTests(Browser browser)
{
    [Fact]
    public async Task Every_board_form_has_no_axe_violations_opened_and_with_its_errors_shown()
    {
        await using var app = await DashboardApp.StartAsync();
        var people = await BoardFormsCatalogue.SeedAsync(app);
        var commitment = await CommitmentAsync(app);
        var page = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(page, people.Everyone.BoardMember);

        foreach (var (path, form, heading) in FormsOver(commitment, (await RecordsAsync(app)).Cohorts.Single().Id))
        {
            var audit = PageAudit.Watch(page);
            await page.GotoAsync(path);
            await audit.AssertCleanAsync(page, heading, $"board-form-{form}");
        }
        // With errors: a form of each kind of input (rows, radios, selects), sent empty.
        foreach (var path in new[] { BoardPaths.NewCommitment(Board), BoardPaths.OverrideStatus(Board, commitment.Id), BoardPaths.NewFundEntry(Board),
                     BoardPaths.EditTurnTheCurve(Board, Admissions), BoardPaths.EditCase(Board, commitment.Id) })
        {
            await page.GotoAsync(path);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
        }
    }

    [Fact]
    public async Task A_board_member_without_JavaScript_corrects_their_mistakes_and_makes_a_commitment()
    {
        await using var app = await DashboardApp.StartAsync();
        var people = await BoardFormsCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await PersonSession.SignInAsync(page, people.Everyone.BoardMember);
        await page.GotoAsync(BoardPaths.NewCommitment(Board));

        await page.FillAsync("#title", "Fewer falls");
        await page.FillAsync("#baseline-value", "lots");
        await page.FillAsync("#baseline-date", "2026-01-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make commitment" }).ClickAsync();

        var problems = page.Locator(".govuk-error-summary a");
        await Expect(problems).ToHaveTextAsync(["Enter the population result", "Choose the headline indicator", "The baseline's value must be a number, such as 72.5",
            "Choose the lead agency"]);
        Assert.Equal(["#result", "#indicators-0", "#baseline-value", "#leadAgency"], await problems.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        await Expect(page.Locator("#result-error")).ToContainTextAsync("Enter the population result");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await Expect(page.Locator("#title")).ToHaveValueAsync("Fewer falls");
        await Expect(page.Locator("#baseline-value")).ToHaveValueAsync("lots");
        Assert.Empty((await RecordsAsync(app)).Commitments);

        await page.FillAsync("#result", "Older people live safely at home");
        await page.SelectOptionAsync("#indicators-0", Admissions);
        await page.FillAsync("#baseline-value", "1750");
        await page.SelectOptionAsync("#leadAgency", Agency);
        await page.CheckAsync($"#contributingAgencies-{Council}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make commitment" }).ClickAsync();

        var made = Assert.Single((await RecordsAsync(app)).Commitments).Commitment;
        Assert.Equal(BoardPaths.Commitment(Board, made.Id), new Uri(page.Url).AbsolutePath);
        Assert.Equal(("Fewer falls", Agency, 1750d), (made.Title, made.LeadAgency, made.Baseline!.Value));
        Assert.Equal([Council], made.ContributingAgencies);

        // The status form, with the derived status beside it, keeps the reason typed when no status was chosen.
        await page.GotoAsync(BoardPaths.OverrideStatus(Board, made.Id));
        await Expect(page.Locator("[data-derived-status]")).ToHaveTextAsync("On track");
        await page.FillAsync("#reason", "The falls service cannot recruit.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save status" }).ClickAsync();
        await Expect(problems).ToHaveTextAsync(["Choose a status"]);
        await Expect(page.Locator("#reason")).ToHaveValueAsync("The falls service cannot recruit.");
        await page.CheckAsync("#status-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save status" }).ClickAsync();
        Assert.Equal(Grains.Boards.CommitmentStatus.OffTrack, (await RecordsAsync(app)).Commitments.Single().Status.Status);
    }
}

using Microsoft.Playwright;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Tests.Boards;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Committees;

/// <summary>
/// "You said, we did" for residents: the place's published outcomes, its board's commitments with statuses from
/// published values, and its committee's recommendations with the answers; nothing unpublished, with or without
/// JavaScript; an administrator is told what the public does not see.
/// </summary>
public sealed class PublicPlaceAccountabilityTests(Browser browser)
{
    private const string Unpublished = BoardCase.ConcernMonth;

    [Fact]
    public async Task A_resident_finds_the_published_outcomes_the_promises_and_the_answers_from_the_place_page()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await AccountabilityCase.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        var audit = PageAudit.Watch(page);
        await page.GotoAsync(Scrutiny.Dashboard.Components.Pages.PlacePage.Href(Manchester));
        await page.Locator("[data-you-said-we-did]").ClickAsync();
        Assert.EndsWith(AccountabilityCase.Accountability, new Uri(page.Url).AbsolutePath);
        await audit.AssertCleanAsync(page, "You said, we did", "place-you-said-we-did");

        // Outcomes: the last released month, in plain words; the month not yet released is nowhere on the page.
        var days = page.Locator($"#outcomes-table tr[data-indicator='{DelayedDays}']");
        await Expect(days.Locator("[data-outcome=value]")).ToHaveTextAsync("40");
        await Expect(days.Locator("[data-outcome=period]")).ToHaveTextAsync("2025-10");
        await Expect(days.Locator("[data-outcome=verdict]")).ToHaveTextAsync("No real change");
        await Expect(page.Locator($"#outcomes-table tr[data-indicator='{Admissions}'] [data-outcome=value]")).ToHaveTextAsync("None published yet");
        await Expect(page.Locator("[data-place-view=published]")).ToBeVisibleAsync();
        Assert.DoesNotContain(Unpublished, await page.ContentAsync());
        Assert.DoesNotContain(">95<", await page.ContentAsync());

        // The commitment measured by delayed discharge days keeps the status its published values give it.
        await Expect(page.Locator($"#commitments-{BoardCase.Board} tr[data-commitment='{c.Board.Discharges}'] [data-commitment-status]")).ToHaveTextAsync("On track");
        await Expect(page.Locator($"[data-board-view=published]")).ToBeVisibleAsync();

        // You said, we did: every recommendation, closed ones too, with the answer and what was done.
        var agreed = page.Locator($"#you-said-we-did tr[data-recommendation='{c.Agreed}']");
        await Expect(agreed.Locator("[data-response]")).ToHaveTextAsync($"Agreed. {AccountabilityCase.Reasons}");
        await Expect(agreed.Locator("[data-progress]")).ToContainTextAsync($"Under way. {AccountabilityCase.UpdateText}");
        await Expect(agreed.Locator("td").Nth(0)).ToHaveTextAsync("Manchester University NHS Foundation Trust");
        await Expect(page.Locator($"#you-said-we-did tr[data-recommendation='{c.Unanswered}'] [data-response]")).ToContainTextAsync("No answer yet");
        await Expect(page.Locator($"#you-said-we-did tr[data-recommendation='{c.Unanswered}'] td").Nth(0)).ToHaveTextAsync("Manchester Health and Wellbeing Board");
        await Expect(page.Locator($"#you-said-we-did tr[data-recommendation='{c.Closed}']")).ToContainTextAsync("Closed");
    }

    [Fact]
    public async Task Without_javascript_the_page_is_whole_and_an_administrator_is_told_of_the_unpublished_month()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await AccountabilityCase.SeedAsync(app);
        var plain = await browser.OpenAsync(app, javaScript: false);
        await plain.GotoAsync(AccountabilityCase.Accountability);
        await Expect(plain.Locator("#outcomes-table tbody tr")).ToHaveCountAsync(4);
        await Expect(plain.Locator($"#commitments-{BoardCase.Board} tbody tr")).ToHaveCountAsync(2);
        await Expect(plain.Locator("#you-said-we-did tbody tr")).ToHaveCountAsync(3);
        // The SPC words are explained in a details element, which opens without JavaScript.
        await plain.Locator(".govuk-details__summary").ClickAsync();
        await Expect(plain.Locator(".govuk-details__text")).ToContainTextAsync("statistical process control (SPC)");
        Assert.DoesNotContain(Unpublished, await plain.ContentAsync());

        var admin = await browser.OpenAsync(app, javaScript: false);
        await PersonSession.SignInAsync(admin, c.Board.People.Administrator);
        await admin.GotoAsync(AccountabilityCase.Accountability);
        await Expect(admin.Locator($"#outcomes-table tr[data-indicator='{DelayedDays}'] [data-outcome=period]")).ToHaveTextAsync(Unpublished);
        await Expect(admin.Locator("[data-place-view=all]")).ToContainTextAsync("The public sees published figures only.");
        await Expect(admin.Locator($"#commitments-{BoardCase.Board} tr[data-commitment='{c.Board.Discharges}'] [data-commitment-status]")).ToHaveTextAsync("Off track");
        await Expect(admin.Locator($"h3 a[href='{BoardPaths.Board(BoardCase.Board)}']")).ToHaveTextAsync("Manchester Health and Wellbeing Board");
    }
}

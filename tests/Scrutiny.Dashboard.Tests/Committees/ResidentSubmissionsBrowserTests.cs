using Microsoft.Playwright;
using Scrutiny.Dashboard.Committees;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Committees;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Committees.CommitteeCase;

namespace Scrutiny.Dashboard.Tests.Committees;

/// <summary>
/// The residents' pages in Chromium, with zero axe violations: the ask form (the honeypot in it included) with and
/// without errors and its character count, the confirmation and the reference page; the member's queue and decision page.
/// </summary>
public sealed class ResidentSubmissionsBrowserTests(Browser browser)
{
    [Fact]
    public async Task The_ask_form_the_confirmation_the_queue_and_the_decision_page_have_no_axe_violations()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);

        var resident = await browser.OpenAsync(app);
        var audit = PageAudit.Watch(resident);
        await resident.GotoAsync(CommitteePaths.Ask(Id));
        await audit.AssertCleanAsync(resident, "Ask the committee a question or suggest a topic", "resident-ask");
        // The honeypot is out of sight and out of the tab order.
        await Expect(resident.Locator("#website")).Not.ToBeInViewportAsync();
        await resident.Locator("#email").FillAsync("jo@");
        await resident.Locator("main form button[type=submit]").ClickAsync();
        await Expect(resident.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(resident);

        await resident.GetByLabel("Suggest a topic for the work programme").CheckAsync();
        await resident.Locator("#text").FillAsync("Loneliness among older people living alone");
        await Expect(resident.Locator(".govuk-character-count__status")).ToContainTextAsync("characters remaining");
        await resident.Locator("#email").FillAsync("jo@example.org");
        await resident.Locator("main form button[type=submit]").ClickAsync();
        await Expect(resident.Locator(".govuk-panel__title")).ToHaveTextAsync("Sent to the committee");
        await Axe.AssertNoViolationsAsync(resident);
        var reference = (await resident.Locator("[data-reference]").TextContentAsync())!.Trim();
        await resident.GetByRole(AriaRole.Link, new() { Name = "See where your question or suggestion stands" }).ClickAsync();
        await Expect(resident.Locator("[data-submission-state]")).ToHaveTextAsync("Waiting for the committee");
        await Axe.AssertNoViolationsAsync(resident);

        var member = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(member, c.People.ScrutinyMember);
        foreach (var (path, heading, name) in new[]
                 {
                     (CommitteePaths.Submissions(Id), "Residents' questions and suggestions", "resident-queue"),
                     (CommitteePaths.Submission(Id, reference), "A resident's suggestion", "resident-decide"),
                 })
        {
            var memberAudit = PageAudit.Watch(member);
            await member.GotoAsync(path);
            await memberAudit.AssertCleanAsync(member, heading, name);
        }
        await member.GetByRole(AriaRole.Button, new() { Name = "Decline and publish the reason" }).ClickAsync();
        await Expect(member.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reason");
        await Axe.AssertNoViolationsAsync(member);
        Assert.Equal(SubmissionState.Received, (await app.Get<ResidentSubmissions>().FindAsync(Id, reference))!.State);
    }
}

using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Email.Subscriptions;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Subscriptions;

/// <summary>A resident's email pages in Chromium, with zero axe violations: the form with and without its error, "check your email", the link's confirm page, confirmed.</summary>
public sealed partial class SubscriptionPagesBrowserTests(Browser browser)
{
    [Fact]
    public async Task Asking_and_confirming_have_no_axe_violations()
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedAsync(app);
        var resident = await browser.OpenAsync(app);

        await resident.GotoAsync($"/places/{Manchester}");
        await resident.GetByRole(AriaRole.Link, new() { Name = "Get an email when new figures for Manchester are published" }).ClickAsync();
        var audit = PageAudit.Watch(resident);
        await audit.AssertCleanAsync(resident, "Get an email when new figures are published", "subscribe");
        await Expect(resident.Locator("#website")).Not.ToBeInViewportAsync();
        await resident.GetByLabel("Email address").FillAsync("jo@");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Get emails" }).ClickAsync();
        await Expect(resident.Locator(".govuk-error-summary")).ToContainTextAsync("Enter an email address in the correct format");
        await Axe.AssertNoViolationsAsync(resident);

        await resident.GetByLabel("Email address").FillAsync("jo@example.org");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Get emails" }).ClickAsync();
        await Expect(resident.Locator("h1")).ToHaveTextAsync("Check your email");
        await Axe.AssertNoViolationsAsync(resident);

        await using var connection = await app.Get<Database>().OpenAsync();
        var body = await connection.QuerySingleAsync<string>("SELECT text_body FROM outbox_messages");
        await resident.GotoAsync(SubscriptionPaths.ConfirmWith(LinkToken().Match(body).Groups[1].Value));
        await Expect(resident.Locator("h1")).ToHaveTextAsync("Confirm you want emails about Manchester");
        await Axe.AssertNoViolationsAsync(resident);
        await resident.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(resident.Locator(".govuk-panel__title")).ToHaveTextAsync("You will get emails about Manchester");
        await Axe.AssertNoViolationsAsync(resident);
    }

    [GeneratedRegex("token=([A-Za-z0-9_-]{43})")]
    private static partial Regex LinkToken();
}

using System.Net;
using Dapper;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Email;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Dashboard.Tests.People;

/// <summary>A signed-in person choosing which emails they get at /account/email.</summary>
public sealed class EmailChoicesPageTests(Browser browser)
{
    [Fact]
    public async Task A_person_turns_a_kind_off_and_on_again_audited_and_bad_values_change_nothing()
    {
        await using var app = await DashboardApp.StartAsync();
        await AdminCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        var id = people.Submitter.Person.Id;
        using var session = new FormClient(app);
        await session.SignInAsync(people.Submitter.Email, people.Submitter.Password);

        // Every kind is on until the person says otherwise.
        var html = await (await session.GetAsync("/account/email")).Content.ReadAsStringAsync();
        Assert.Contains(people.Submitter.Email, html);
        Assert.Contains("id=\"kinds-notification\" name=\"kinds\" type=\"checkbox\" value=\"notification\" checked", html);
        Assert.Contains("id=\"kinds-response_reminder\" name=\"kinds\" type=\"checkbox\" value=\"response_reminder\" checked", html);
        Assert.Contains("id=\"kinds-return_reminder\" name=\"kinds\" type=\"checkbox\" value=\"return_reminder\" checked", html);
        Assert.Contains("id=\"kinds-weekly_digest\" name=\"kinds\" type=\"checkbox\" value=\"weekly_digest\" checked", html);
        Assert.Contains("Weekly digest", html);
        // No SMTP server in the tests' configuration: the page says so.
        Assert.Contains("not sending emails at the moment", html);

        var saved = await (await session.PostFormAsync("/account/email", "email-choices", ("kinds", "response_reminder"))).Content.ReadAsStringAsync();
        Assert.Contains("Your choices have been saved", saved);
        Assert.Contains("value=\"response_reminder\" checked", saved);
        Assert.DoesNotContain("value=\"notification\" checked", saved);
        Assert.Equal([EmailKind.ResponseReminder], await app.Get<EmailPreferences>().WantedAsync(id));

        // A value no box has: named, and nothing changes.
        var refused = await session.PostFormAsync("/account/email", "email-choices", ("kinds", "notification"), ("kinds", "<script>"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#kinds-notification\">Select only the emails listed", refusedHtml);
        Assert.DoesNotContain("<script>", refusedHtml);
        Assert.Equal([EmailKind.ResponseReminder], await app.Get<EmailPreferences>().WantedAsync(id));

        // None ticked: every kind off.
        await session.PostFormAsync("/account/email", "email-choices");
        Assert.Empty(await app.Get<EmailPreferences>().WantedAsync(id));

        await using var connection = await app.Get<Database>().OpenAsync();
        Assert.Equal([people.Submitter.Person.Actor, people.Submitter.Person.Actor], await connection.QueryAsync<string>(
            "SELECT actor FROM audit_log WHERE action = @action ORDER BY id", new { action = EmailPreferences.SetAction }));
    }

    [Fact]
    public async Task A_session_bought_with_an_api_key_is_told_it_has_no_address()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        using var session = new FormClient(app);
        await session.PostFormAsync("/sign-in", "sign-in", ("api-key", keys.Agency));

        var html = await (await session.GetAsync("/account/email")).Content.ReadAsStringAsync();

        Assert.Contains("there is no email address to send to", html);
        Assert.DoesNotContain("name=\"kinds\"", html);
    }

    [Fact]
    public async Task The_page_has_no_axe_violations_and_saves_without_javascript_help()
    {
        await using var app = await DashboardApp.StartAsync();
        await AdminCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(page, people.BoardMember);
        var audit = PageAudit.Watch(page);

        await page.GotoAsync("/inbox");
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose which emails you get" }).ClickAsync();
        await audit.AssertCleanAsync(page, "Emails you get", "account-email");
        await page.GetByLabel("Recommendations and questions").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your choices" }).ClickAsync();

        await Expect(page.Locator("[data-outcome-banner]")).ToContainTextAsync("Your choices have been saved");
        await Expect(page.GetByLabel("Recommendations and questions")).Not.ToBeCheckedAsync();
        await audit.AssertCleanAsync(page, "Emails you get", "account-email-saved");
        Assert.Equal([EmailKind.ResponseReminder, EmailKind.ReturnReminder, EmailKind.WeeklyDigest],
            (await app.Get<EmailPreferences>().WantedAsync(people.BoardMember.Person.Id)).Order());
    }
}

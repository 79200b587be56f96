using System.Net;
using Dapper;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Dashboard.Tests.People;

/// <summary>A signed-in person changing their own password at /account/password.</summary>
public sealed class PasswordChangePageTests(Browser browser)
{
    private const string Chosen = "plum kettle harbour lantern";

    [Fact]
    public async Task A_person_changes_their_password_stays_signed_in_here_and_is_signed_out_everywhere_else()
    {
        await using var app = await DashboardApp.StartAsync();
        await AdminCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        using var elsewhere = new FormClient(app);
        await elsewhere.SignInAsync(people.Submitter.Email, people.Submitter.Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/agency")).StatusCode);
        var page = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(page, people.Submitter);
        var audit = PageAudit.Watch(page);

        await page.Locator("[data-change-password]").ClickAsync();
        await audit.AssertCleanAsync(page, "Change your password", "account-password");
        await page.FillAsync("#current-password", people.Submitter.Password);
        await page.FillAsync("#new-password", Chosen);
        await page.FillAsync("#confirm-password", Chosen + " too");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        await Expect(page.Locator(".govuk-error-summary a[href='#confirm-password']")).ToContainTextAsync("do not match");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await Expect(page.Locator("#current-password")).ToHaveValueAsync("");
        await audit.AssertCleanAsync(page, "Change your password", "account-password-error");

        await page.FillAsync("#current-password", people.Submitter.Password);
        await page.FillAsync("#new-password", Chosen);
        await page.FillAsync("#confirm-password", Chosen);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        await Expect(page.Locator("[data-outcome-banner]")).ToContainTextAsync("Your password has been changed");
        await page.GotoAsync("/agency");
        await Expect(page.Locator("[data-signed-in-person]")).ToHaveTextAsync("Sam Submitter");
        Assert.Contains("/sign-in", (await elsewhere.GetAsync("/agency")).Headers.Location!.OriginalString);
        using var again = new FormClient(app);
        await again.SignInAsync(people.Submitter.Email, people.Submitter.Password);
        Assert.False(again.HasCookie("scrutiny-agency"));
        await again.SignInAsync(people.Submitter.Email, Chosen);
        Assert.True(again.HasCookie("scrutiny-agency"));
        await using var connection = await app.Get<Database>().OpenAsync();
        Assert.Equal(people.Submitter.Person.Actor, await connection.ExecuteScalarAsync<string>(
            "SELECT actor FROM audit_log WHERE action = @action", new { action = PasswordChanges.ChangedAction }));
    }

    [Fact]
    public async Task A_wrong_current_password_is_named_and_nothing_changes()
    {
        await using var app = await DashboardApp.StartAsync();
        await AdminCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        using var session = new FormClient(app);
        await session.SignInAsync(people.BoardMember.Email, people.BoardMember.Password);

        var response = await session.PostFormAsync("/account/password", "change-password",
            ("current-password", "not my password at all"), ("new-password", Chosen), ("confirm-password", Chosen));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#current-password\">Your current password is wrong", html);
        Assert.DoesNotContain(Chosen, html);
        Assert.Equal(PasswordSignInResult.SignedIn, (await app.Get<PasswordSignIn>().SignInAsync(people.BoardMember.Email, people.BoardMember.Password)).Result);
    }

    [Fact]
    public async Task A_session_bought_with_an_api_key_is_told_it_has_no_password()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        using var session = new FormClient(app);
        await session.PostFormAsync("/sign-in", "sign-in", ("api-key", keys.Agency));

        var html = await (await session.GetAsync("/account/password")).Content.ReadAsStringAsync();

        Assert.Contains("there is no password to change", html);
        Assert.DoesNotContain("id=\"current-password\"", html);
    }
}

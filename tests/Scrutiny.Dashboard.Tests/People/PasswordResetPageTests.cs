using Dapper;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Dashboard.Tests.People;

/// <summary>
/// An administrator's temporary password on a person's page: shown once, ends the person's sessions, and sends them to
/// choose their own before anything else. And the last administrator, who keeps the role.
/// </summary>
public sealed class PasswordResetPageTests(Browser browser)
{
    private const string Chosen = "plum kettle harbour lantern";

    [Fact]
    public async Task A_temporary_password_is_shown_once_and_its_holder_chooses_their_own_before_anything_else()
    {
        await using var app = await DashboardApp.StartAsync();
        await AdminCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        using var open = new FormClient(app);
        await open.SignInAsync(people.Submitter.Email, people.Submitter.Password);
        var admin = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(admin, people.Administrator);
        await admin.GotoAsync($"/admin/people/{people.Submitter.Person.Id}");

        var response = await admin.RunAndWaitForResponseAsync(
            () => admin.GetByRole(AriaRole.Button, new() { Name = "Set a temporary password for Sam Submitter" }).ClickAsync(),
            r => r.Request.Method == "POST");

        await Expect(admin.Locator("h1")).ToHaveTextAsync("Temporary password set");
        var password = await admin.Locator("[data-temporary-password]").InnerTextAsync();
        Assert.Equal("no-store", (await response.AllHeadersAsync())["cache-control"]);
        Assert.Contains("/sign-in", (await open.GetAsync("/agency")).Headers.Location!.OriginalString);
        await admin.GotoAsync($"/admin/people/{people.Submitter.Person.Id}");
        Assert.DoesNotContain(password, await admin.ContentAsync());
        await Expect(admin.Locator(".govuk-summary-list")).ToContainTextAsync("Temporary, until");

        var person = await browser.OpenAsync(app);
        await person.GotoAsync("/sign-in?returnUrl=%2Fpanels");
        await PersonSession.SubmitAsync(person, people.Submitter.Email, password);
        await Expect(person.Locator("h1")).ToHaveTextAsync("Change your password");
        await Expect(person.Locator(".govuk-warning-text")).ToContainTextAsync("temporary password");
        // Every page leads back here until they have chosen.
        foreach (var path in new[] { "/agency", "/", "/admin/people" })
        {
            await person.GotoAsync(path);
            Assert.Equal("/account/password", new Uri(person.Url).AbsolutePath);
        }
        await person.GotoAsync("/account/password?returnUrl=%2Fpanels");
        await person.FillAsync("#current-password", password);
        await person.FillAsync("#new-password", Chosen);
        await person.FillAsync("#confirm-password", Chosen);
        await person.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        await Expect(person.Locator("h1")).ToHaveTextAsync("Scrutiny panels");
        await person.GotoAsync("/agency");
        Assert.Equal("/agency", new Uri(person.Url).AbsolutePath);
        await using var connection = await app.Get<Database>().OpenAsync();
        Assert.Equal(people.Administrator.Person.Actor, await connection.ExecuteScalarAsync<string>(
            "SELECT actor FROM audit_log WHERE action = @action", new { action = PasswordChanges.ResetAction }));
    }

    [Fact]
    public async Task An_expired_temporary_password_gets_the_same_words_as_any_failed_sign_in()
    {
        await using var app = await DashboardApp.StartAsync();
        await TestCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        var reset = await app.Get<PasswordChanges>().ResetAsync(people.Submitter.Person.Id, "test");
        await using (var connection = await app.Get<Database>().OpenAsync())
            await connection.ExecuteAsync("UPDATE people SET temporary_password_expires_at = @past",
                new { past = SqlDialect.Timestamp(DateTimeOffset.UtcNow.AddMinutes(-1), StoreEngine.Sqlite) });
        using var expired = new FormClient(app);
        using var wrong = new FormClient(app);

        var expiredPage = await (await expired.SignInAsync(people.Submitter.Email, reset.Password!)).Content.ReadAsStringAsync();
        var wrongPage = await (await wrong.SignInAsync(people.Submitter.Email, "not the password")).Content.ReadAsStringAsync();

        Assert.False(expired.HasCookie("scrutiny-agency"));
        Assert.Equal(ErrorSummary(wrongPage), ErrorSummary(expiredPage));
        Assert.Contains(PasswordSignIn.Failure, ErrorSummary(expiredPage));
    }

    [Fact]
    public async Task The_last_administrator_keeps_the_role_and_stays_enabled_with_errors_naming_the_field()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(page, people.Administrator);
        await page.GotoAsync($"/admin/people/{people.Administrator.Person.Id}");

        await page.Locator("[data-role='administrator'] button").ClickAsync();

        await Expect(page.Locator(".govuk-error-summary a[href='#roles']")).ToContainTextAsync("only active administrator");
        Assert.True((await app.Get<PeopleStore>().FindAsync(people.Administrator.Person.Id))!.IsAdministrator);
        // An administrator's API key session may disable people (itself no person), but not the last administrator.
        using var byKey = new FormClient(app);
        await byKey.PostFormAsync("/sign-in", "sign-in", ("api-key", keys.Admin));
        var html = await (await byKey.PostFormAsync($"/admin/people/{people.Administrator.Person.Id}", "disable-person")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"#disable\">Ada Administrator is the only active administrator", html);
        Assert.False((await app.Get<PeopleStore>().FindAsync(people.Administrator.Person.Id))!.IsDisabled);
    }

    private static string ErrorSummary(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "govuk-error-summary__list\">(?<list>.*?)</ul>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Groups["list"].Value;
}

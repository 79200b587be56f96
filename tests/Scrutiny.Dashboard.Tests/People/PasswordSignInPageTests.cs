using Dapper;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Dashboard.Tests.People;

/// <summary>Signing in with an email address and password on the sign-in page.</summary>
public sealed class PasswordSignInPageTests(Browser browser)
{
    [Fact]
    public async Task A_person_signs_in_to_the_page_asked_for_with_their_roles_and_signs_out()
    {
        await using var app = await DashboardApp.StartAsync();
        await AdminCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await page.GotoAsync("/agency/returns/upload");
        Assert.Equal("/sign-in", new Uri(page.Url).AbsolutePath);
        await Screenshots.SaveAsync(page, "sign-in-password");

        await PersonSession.SubmitAsync(page, people.Submitter.Email, people.Submitter.Password);

        await Expect(page.Locator("h1")).ToHaveTextAsync("Upload returns");
        await Expect(page.Locator("[data-signed-in-person]")).ToHaveTextAsync("Sam Submitter");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "scrutiny-agency");
        Assert.True(cookie.HttpOnly && cookie.Secure);
        Assert.DoesNotContain(people.Submitter.Password, await page.ContentAsync());
        Assert.Equal(403, (await page.GotoAsync("/admin"))!.Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator("[data-signed-in-person]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_words_and_no_cookie()
    {
        await using var app = await DashboardApp.StartAsync();
        await TestCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        var messages = new List<string>();

        foreach (var email in new[] { people.Submitter.Email, "nobody@example.org" })
        {
            await page.GotoAsync("/sign-in");
            await PersonSession.SubmitAsync(page, email, "not-the-password");
            await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            messages.Add(await page.Locator(".govuk-error-summary").InnerTextAsync());
            await Expect(page.Locator("#password")).ToHaveValueAsync("");
        }

        Assert.Contains(PasswordSignIn.Failure, messages[0]);
        Assert.Equal(messages[0], messages[1]);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "scrutiny-agency");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_the_lock_runs_out()
    {
        await using var app = await DashboardApp.StartAsync();
        await TestCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        using var client = new FormClient(app);
        for (var i = 0; i < PasswordSignIn.MaxFailures; i++) await client.SignInAsync(people.Submitter.Email, "wrong");

        await client.SignInAsync(people.Submitter.Email, people.Submitter.Password);
        Assert.False(client.HasCookie("scrutiny-agency"));

        // The app's clock is the system's: the lock is made to run out by moving it into the past.
        await using (var connection = await app.Get<Database>().OpenAsync())
            await connection.ExecuteAsync("UPDATE people SET locked_until = @past",
                new { past = SqlDialect.Timestamp(DateTimeOffset.UtcNow.AddMinutes(-1), StoreEngine.Sqlite) });
        await client.SignInAsync(people.Submitter.Email, people.Submitter.Password);
        Assert.True(client.HasCookie("scrutiny-agency"));
    }

    [Fact]
    public async Task A_disabled_person_cannot_sign_in_and_their_open_session_ends()
    {
        await using var app = await DashboardApp.StartAsync();
        await TestCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        using var open = new FormClient(app);
        await open.SignInAsync(people.Submitter.Email, people.Submitter.Password);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await open.GetAsync("/agency")).StatusCode);

        await app.Get<PeopleStore>().DisableAsync(people.Submitter.Person.Id, "test");

        Assert.Contains("/sign-in", (await open.GetAsync("/agency")).Headers.Location!.OriginalString);
        using var again = new FormClient(app);
        await again.SignInAsync(people.Submitter.Email, people.Submitter.Password);
        Assert.False(again.HasCookie("scrutiny-agency"));
    }

    [Fact]
    public async Task A_role_taken_away_closes_its_pages_at_once()
    {
        await using var app = await DashboardApp.StartAsync();
        await TestCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        using var session = new FormClient(app);
        await session.SignInAsync(people.Submitter.Email, people.Submitter.Password);

        await app.Get<PeopleStore>().RemoveRoleAsync(people.Submitter.Person.Id, PersonRole.Agency(TestCatalogue.Agency), "test");

        Assert.Contains("/access-denied", (await session.GetAsync("/agency")).Headers.Location!.OriginalString);
    }
}

using Dapper;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Dashboard.Tests.People;

/// <summary>The people pages: adding a person (their password shown once), their roles, disabling them.</summary>
public sealed class PeopleAdminTests(Browser browser)
{
    [Fact]
    public async Task An_administrator_adds_a_person_who_then_signs_in_with_the_password_shown_once()
    {
        await using var app = await DashboardApp.StartAsync();
        await AdminCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(page, people.Administrator);
        await page.GotoAsync("/admin/people");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a person" }).ClickAsync();

        await page.FillAsync("#email", "Nia@Example.org");
        await page.FillAsync("#name", "Nia Newcomer");
        await page.SelectOptionAsync("#role", "board:manchester-hwb");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync(), r => r.Request.Method == "POST");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Person added");
        var password = await page.Locator("[data-temporary-password]").InnerTextAsync();
        Assert.Equal("no-store", (await response.AllHeadersAsync())["cache-control"]);
        var added = await app.Get<PeopleStore>().FindByEmailAsync("nia@example.org");
        Assert.Equal([PersonRole.Board("manchester-hwb")], added!.Roles);
        await using (var connection = await app.Get<Database>().OpenAsync())
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM audit_log WHERE action = @action AND actor = @actor",
                new { action = PeopleStore.Created, actor = people.Administrator.Person.Actor }));

        var newcomer = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(newcomer, new TestPerson(added, password));
        await Expect(newcomer.Locator("[data-signed-in-person]")).ToHaveTextAsync("Nia Newcomer");
        await page.GotoAsync("/admin/people");
        Assert.DoesNotContain(password, await page.ContentAsync());
    }

    [Fact]
    public async Task An_administrator_adds_and_removes_roles_and_disables_a_person()
    {
        await using var app = await DashboardApp.StartAsync();
        await AdminCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(page, people.Administrator);
        var id = people.ScrutinyMember.Person.Id;
        await page.GotoAsync($"/admin/people/{id}");

        await page.SelectOptionAsync("#role", "agency:MFT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add role" }).ClickAsync();
        await Expect(page.Locator("[data-outcome-banner]")).ToContainTextAsync("added");
        await page.SelectOptionAsync("#role", "agency:GMP");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add role" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("one agency only");
        await page.Locator($"[data-role='committee:{TestPeople.Committee}'] button").ClickAsync();
        await Expect(page.Locator("[data-outcome-banner]")).ToContainTextAsync("removed");
        await Screenshots.SaveAsync(page, "admin-person");
        Assert.Equal([PersonRole.Agency("MFT")], (await app.Get<PeopleStore>().FindAsync(id))!.Roles);

        await page.GetByRole(AriaRole.Button, new() { Name = "Disable Cal Scrutiny" }).ClickAsync();
        await Expect(page.Locator("[data-outcome-banner]")).ToContainTextAsync("disabled");
        Assert.True((await app.Get<PeopleStore>().FindAsync(id))!.IsDisabled);
    }

    [Fact]
    public async Task A_name_that_is_a_script_is_shown_as_text_on_the_people_pages_and_in_the_header()
    {
        const string Script = "<script>alert(1)</script>";
        await using var app = await DashboardApp.StartAsync();
        await AdminCatalogue.SeedAsync(app);
        var admin = await TestPeople.CreateAsync(app, "xss@example.org", Script, PersonRole.Admin);
        var page = await browser.OpenAsync(app);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await PersonSession.SignInAsync(page, admin);
        await Expect(page.Locator("[data-signed-in-person]")).ToHaveTextAsync(Script);
        foreach (var path in new[] { "/admin/people", $"/admin/people/{admin.Person.Id}" })
        {
            await page.GotoAsync(path);
            var html = await page.ContentAsync();
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
            Assert.DoesNotContain(Script, html);
        }
        await Expect(page.Locator("[data-person-name]")).ToHaveTextAsync(Script);
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task The_people_list_shows_each_person_with_roles_and_status()
    {
        await using var app = await DashboardApp.StartAsync();
        await AdminCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        await app.Get<PeopleStore>().DisableAsync(people.BoardMember.Person.Id, "test");
        var page = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(page, people.Administrator);
        var audit = PageAudit.Watch(page);

        await page.GotoAsync("/admin/people");

        await Expect(page.Locator("#people tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator($"[data-person='{people.BoardMember.Person.Id}']")).ToContainTextAsync("Disabled");
        await Expect(page.Locator($"[data-person='{people.Submitter.Person.Id}']")).ToContainTextAsync("Submits returns for Manchester University NHS Foundation Trust");
        await audit.AssertCleanAsync(page, "People", "admin-people");
    }
}

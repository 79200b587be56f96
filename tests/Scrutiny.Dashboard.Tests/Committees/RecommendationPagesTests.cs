using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Committees;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Committees;

/// <summary>The register's pages: a committee member makes a recommendation, the agency responds on its own page, the member sees it, the public reads it.</summary>
public sealed class RecommendationPagesTests(Browser browser)
{
    private const string Text = "Publish a discharge-to-assess plan before winter";
    private const string Reasons = "Agreed: the plan goes to our board in October";

    [Fact]
    public async Task A_recommendation_walks_from_a_committee_members_page_to_the_agencys_response_and_back()
    {
        await using var app = await DashboardApp.StartAsync();
        await AdminCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        await app.Get<CommitteeStore>().CreateAsync(
            new Committee(TestPeople.Committee, "Manchester Health Scrutiny Committee", Manchester, Committee.DefaultResponseMonths, []), "test", DateTimeOffset.UtcNow);

        var member = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(member, people.ScrutinyMember);
        await member.GotoAsync(CommitteeAddresses.Committee(TestPeople.Committee));
        var make = member.GetByRole(AriaRole.Button, new() { Name = "Make the recommendation" });
        await make.ClickAsync();
        var problems = member.Locator(".govuk-error-summary a");
        await Expect(problems).ToHaveTextAsync(["Enter the recommendation", "Choose the agency or board the recommendation is addressed to"]);
        Assert.Equal(["#text", "#recommendation-addressee"], await problems.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));

        await member.FillAsync("#text", Text);
        await member.SelectOptionAsync("#recommendation-addressee", $"agency:{Agency}");
        await make.ClickAsync();
        await Expect(member.Locator("h1")).ToHaveTextAsync("Recommendation");
        await Expect(member.Locator("#recommendation")).ToContainTextAsync("Awaiting response");
        // The committee member may close it, but not answer for the agency.
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Send the response" })).ToHaveCountAsync(0);
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Close it" })).ToBeVisibleAsync();
        var address = new Uri(member.Url).AbsolutePath;

        // The agency's submitter finds it in the inbox's place (the notification links here) and responds.
        var agency = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(agency, people.Submitter);
        var inbox = await app.Get<CommitteeInbox>().ForAsync(AgencySignInPrincipal(people.Submitter.Person));
        Assert.Equal(address, Assert.Single(inbox.Notifications).Link);
        await agency.GotoAsync(address);
        var audit = PageAudit.Watch(agency);
        await agency.SelectOptionAsync("#decision", "accepted");
        await agency.FillAsync("#reasons", Reasons);
        await agency.GetByRole(AriaRole.Button, new() { Name = "Send the response" }).ClickAsync();
        await Expect(agency.Locator(".govuk-error-summary a")).ToHaveTextAsync(["Enter the day it will be in place: accepting a recommendation means saying when"]);
        await agency.FillAsync("#implement-by", DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await agency.GetByRole(AriaRole.Button, new() { Name = "Send the response" }).ClickAsync();
        await Expect(agency.Locator("#response")).ToContainTextAsync(Reasons);
        await Expect(agency.Locator("#recommendation")).ToContainTextAsync("Accepted");
        await Expect(agency.GetByRole(AriaRole.Button, new() { Name = "Close it" })).ToHaveCountAsync(0);
        await audit.AssertCleanAsync(agency, "Recommendation", "committee-recommendation-responded");

        // Back to the committee member: the response is on the recommendation and in the register.
        await member.GotoAsync(CommitteeAddresses.Committee(TestPeople.Committee));
        await Expect(member.Locator("#register tbody tr")).ToContainTextAsync(["Accepted"]);
        await member.GetByRole(AriaRole.Link, new() { Name = Text }).ClickAsync();
        await Expect(member.Locator("#response")).ToContainTextAsync(Reasons);

        // Anyone, signed in or not: you said, we did.
        var resident = await browser.OpenAsync(app);
        var residentAudit = PageAudit.Watch(resident);
        await resident.GotoAsync(CommitteeAddresses.PlaceRecommendations(Manchester));
        await Expect(resident.Locator("#you-said-we-did tbody tr")).ToContainTextAsync([$"{Text}"]);
        await Expect(resident.Locator("#you-said-we-did tbody tr")).ToContainTextAsync([Reasons]);
        await Expect(resident.GetByRole(AriaRole.Button, new() { Name = "Send the response" })).ToHaveCountAsync(0);
        await residentAudit.AssertCleanAsync(resident, "You said, we did", "committee-you-said-we-did");
    }

    private static System.Security.Claims.ClaimsPrincipal AgencySignInPrincipal(Scrutiny.Silo.People.Person person) =>
        new(new System.Security.Claims.ClaimsIdentity(Scrutiny.Silo.People.PersonClaims.For(person), "test"));
}

using Microsoft.Playwright;
using Scrutiny.Dashboard.Committees;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Committees;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Committees.CommitteeCase;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Committees;

/// <summary>The committee pages in Chromium: zero axe violations on each, a response arriving live, and a topic made with JavaScript off.</summary>
public sealed class CommitteePagesBrowserTests(Browser browser)
{

    [Fact]
    public async Task Every_new_committee_page_has_no_axe_violations_with_and_without_errors()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);
        var topic = (await app.Get<CommitteeWork>().AddTopicAsync(As(c.People.ScrutinyMember), Id, new TopicBody("Delayed discharges", "Why people wait",
            Day(Meeting), "in_progress", [new LinkBody("indicator", $"{Manchester}/{DelayedDays}"), new LinkBody("board", Board)]))).Value!;
        await c.RecommendAsync("Answer the waiting-list letter", Mft, overdue: true);
        var accepted = await c.RecommendAsync("Publish the discharge plan", Mft);
        await app.Get<RecommendationRegister>().RespondAsync(As(c.People.Submitter), Id, accepted.Recommendation.Id,
            new ResponseBody("partially_accepted", "In part", Day(Today.AddMonths(3))));
        var question = await c.AskAsync("How many beds are blocked each week?", Mft, Today.AddDays(7));
        var meeting = Assert.Single(await app.Get<CommitteeStore>().ListMeetingsAsync(Id)).Id;

        var member = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(member, c.People.ScrutinyMember);
        foreach (var (path, heading, name) in new[]
                 {
                     (CommitteePaths.List, "Scrutiny committees", "committees"),
                     (CommitteePaths.Committee(Id), Name, "committee-programme"),
                     (CommitteePaths.NewMeeting(Id), "Add a meeting date", "committee-meeting"),
                     (CommitteePaths.MoveMeeting(Id, meeting), "Move a meeting", "committee-meeting-move"),
                     (CommitteePaths.NewTopic(Id), "Add a topic to the work programme", "committee-topic-new"),
                     (CommitteePaths.EditTopic(Id, topic.Id), "Change the topic", "committee-topic-edit"),
                     (CommitteePaths.NewQuestion(Id), "Ask a partner a question", "committee-question-new"),
                     (CommitteePaths.Inbox, "Your inbox", "inbox-member"),
                 })
        {
            var audit = PageAudit.Watch(member);
            await member.GotoAsync(path);
            await audit.AssertCleanAsync(member, heading, name);
        }
        foreach (var path in new[] { CommitteePaths.NewMeeting(Id), CommitteePaths.MoveMeeting(Id, meeting), CommitteePaths.NewTopic(Id), CommitteePaths.NewQuestion(Id) })
        {
            await member.GotoAsync(path);
            await member.Locator("main form button[type=submit]").ClickAsync();
            await Expect(member.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(member);
        }
        // The overdue response to chase, and the notification of the agency's partial acceptance.
        await Expect(member.Locator("[data-inbox-link]")).ToHaveTextAsync("Inbox (2)");

        var agency = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(agency, c.People.Submitter);
        foreach (var (path, heading, name) in new[]
                 {
                     (CommitteeAddresses.Question(Id, question.Question.Id), "Question to Manchester University NHS Foundation Trust", "committee-question-answer"),
                     (CommitteeAddresses.Recommendation(Id, accepted.Recommendation.Id), "Recommendation", "committee-recommendation-update"),
                     (CommitteePaths.Inbox, "Your inbox", "inbox-agency"),
                 })
        {
            var audit = PageAudit.Watch(agency);
            await agency.GotoAsync(path);
            await audit.AssertCleanAsync(agency, heading, name);
        }
        await agency.GotoAsync(CommitteeAddresses.Recommendation(Id, accepted.Recommendation.Id));
        await agency.GetByRole(AriaRole.Button, new() { Name = "Send the update" }).ClickAsync();
        await Expect(agency.Locator(".govuk-error-summary a")).ToHaveTextAsync(["Choose where implementation stands", "Enter what has been done"]);
        await Axe.AssertNoViolationsAsync(agency);

        // The public: the register filtered to what is overdue, each overdue row in red words.
        var resident = await browser.OpenAsync(app);
        var residentAudit = PageAudit.Watch(resident);
        await resident.GotoAsync(CommitteePaths.Committee(Id));
        await resident.CheckAsync("#overdue");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Filter the register" }).ClickAsync();
        await Expect(resident.Locator("#register tbody tr")).ToHaveCountAsync(1);
        await Expect(resident.Locator("#register [data-recommendation-state]")).ToHaveTextAsync(["Response overdue"]);
        await Expect(resident.Locator("#register .govuk-tag--red")).ToHaveCountAsync(1);
        await Expect(resident.Locator("#questions [data-question-state]")).ToHaveTextAsync(["Awaiting answer"]);
        await Expect(resident.Locator("[data-inbox-link]")).ToHaveCountAsync(0);
        await residentAudit.AssertCleanAsync(resident, Name, "committee-register-filtered");
    }

    [Fact]
    public async Task A_response_and_an_answer_appear_on_open_committee_and_recommendation_pages_without_a_reload()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);
        var made = await c.RecommendAsync("Publish the discharge plan", Mft);
        var question = await c.AskAsync("How many beds are blocked each week?", Mft, Today.AddDays(7));
        var committee = await browser.OpenAsync(app);
        var recommendation = await committee.Context.NewPageAsync();
        await committee.GotoAsync(CommitteePaths.Committee(Id));
        await recommendation.GotoAsync(CommitteeAddresses.Recommendation(Id, made.Recommendation.Id));
        var row = committee.Locator($"#register tr[data-recommendation='{made.Recommendation.Id}'] [data-recommendation-state]");
        await Expect(row).ToHaveTextAsync("Awaiting response");
        // Shown once each page watches committee:{id}, so the changes below arrive by push, not by the catch-up.
        await Expect(committee.Locator("[data-live-status]")).ToHaveTextAsync("This page updates as partners respond and the committee records its work.");
        await Expect(recommendation.Locator("[data-live-status]")).ToHaveTextAsync("This page updates as the partner responds and reports progress.");
        await committee.EvaluateAsync("window.notReloaded = true");
        await recommendation.EvaluateAsync("window.notReloaded = true");

        var responded = await app.Get<RecommendationRegister>().RespondAsync(As(c.People.Submitter), Id, made.Recommendation.Id,
            new ResponseBody("accepted", "Agreed: the plan goes to our board in October", Day(Today.AddMonths(4))));
        Assert.Equal(CommitteeOutcome.Done, responded.Outcome);
        await app.Get<CommitteeQuestions>().AnswerAsync(As(c.People.Submitter), Id, question.Question.Id, new AnswerBody("Forty a week."));

        await Expect(row).ToHaveTextAsync("Accepted");
        await Expect(committee.Locator($"#questions tr[data-question='{question.Question.Id}'] [data-question-state]")).ToHaveTextAsync("Answered");
        await Expect(committee.Locator("[data-live-announcer]")).ToContainTextAsync("Recommendations updated");
        await Expect(recommendation.Locator("#response")).ToContainTextAsync("Agreed: the plan goes to our board in October");
        await Expect(recommendation.Locator("#recommendation [data-recommendation-state]")).ToHaveTextAsync("Accepted");
        await Expect(recommendation.Locator("[data-live-announcer]")).ToContainTextAsync("Recommendation updated");
        Assert.True(await committee.EvaluateAsync<bool>("window.notReloaded === true"));
        Assert.True(await recommendation.EvaluateAsync<bool>("window.notReloaded === true"));
    }

    [Fact]
    public async Task A_member_without_JavaScript_corrects_a_topic_adds_it_and_asks_a_question()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await PersonSession.SignInAsync(page, c.People.ScrutinyMember);
        await page.GotoAsync(CommitteePaths.Committee(Id));
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a topic to the work programme" }).ClickAsync();

        await page.Locator($"[id='indicators-{Manchester}/{DelayedDays}']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the topic" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a")).ToHaveTextAsync(["Enter the topic"]);
        await Expect(page.Locator($"[id='indicators-{Manchester}/{DelayedDays}']")).ToBeCheckedAsync();
        await page.FillAsync("#title", "Delayed discharges from hospital");
        await page.SelectOptionAsync("#meetingOn", Day(Meeting));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the topic" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync(Name);
        var topic = page.Locator("#work-programme tbody tr");
        await Expect(topic.Locator("th")).ToContainTextAsync("Delayed discharges from hospital");
        await Expect(topic.Locator("[data-topic-links] a")).ToHaveTextAsync(["Days people spent in hospital after they were ready to leave"]);
        await Expect(topic.Locator("[data-topic-status]")).ToHaveTextAsync("Planned");

        await page.GetByRole(AriaRole.Link, new() { Name = "Ask a partner a question" }).ClickAsync();
        await page.FillAsync("#text", "How many beds are blocked each week?");
        await page.SelectOptionAsync("#addressee", $"board:{Board}");
        await page.FillAsync("#dueOn", Day(Today.AddDays(10)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask the question" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Question to Manchester Health and Wellbeing Board");
        await Expect(page.Locator("#question [data-question-state]")).ToHaveTextAsync("Awaiting answer");
        // The committee's member may not answer for the board.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send the answer" })).ToHaveCountAsync(0);
    }
}

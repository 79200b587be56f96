using System.Net;
using Scrutiny.Dashboard.Committees;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Audit;
using Scrutiny.Silo.Committees;
using static Scrutiny.Dashboard.Tests.Committees.CommitteeCase;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Committees;

/// <summary>
/// The committee's forms as a browser without JavaScript posts them: a member's meeting, topic and question land
/// through the committee's services, audited as theirs; bad input is named field by field; anyone CommitteeAccess
/// refuses gets 403 and changes nothing; only the addressee answers.
/// </summary>
public sealed class CommitteeFormsTests
{
    [Fact]
    public async Task A_member_adds_a_meeting_a_topic_changes_its_status_and_asks_a_question_each_audited_as_them()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);
        var member = c.People.ScrutinyMember;
        using var client = new FormClient(app);
        await client.SignInAsync(member.Email, member.Password);

        var meeting = await client.PostFormAsync(CommitteePaths.NewMeeting(Id), "meeting", ("meets-on", "2026-09-29"));
        Assert.Equal(HttpStatusCode.SeeOther, meeting.StatusCode);
        Assert.Equal(CommitteePaths.Committee(Id), meeting.Headers.Location?.AbsolutePath);
        Assert.Equal([Meeting, new DateOnly(2026, 9, 29)], (await app.Get<CommitteeStore>().FindAsync(Id))!.Meetings);

        var added = await client.PostFormAsync(CommitteePaths.NewTopic(Id), "topic",
            ("title", "Delayed discharges from hospital"), ("description", "Why people wait to leave"), ("meetingOn", "2026-09-29"), ("status", "planned"),
            ("indicators", $"{Manchester}/{DelayedDays}"), ("indicators", $"{Manchester}/{Admissions}"), ("boards", Board));
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        var topic = Assert.Single(await app.Get<CommitteeStore>().ListTopicsAsync(Id));
        Assert.Equal(("Delayed discharges from hospital", new DateOnly(2026, 9, 29), TopicStatus.Planned), (topic.Title, topic.MeetingOn, topic.Status));
        Assert.Equal([new Link(LinkKind.Indicator, $"{Manchester}/{DelayedDays}"), new Link(LinkKind.Indicator, $"{Manchester}/{Admissions}"),
            new Link(LinkKind.Board, Board)], topic.Links);

        // The change form opens with what is stored; the status changes, the links stay as posted.
        var edit = await (await client.GetAsync(CommitteePaths.EditTopic(Id, topic.Id))).Content.ReadAsStringAsync();
        Assert.Contains("value=\"Delayed discharges from hospital\"", edit);
        Assert.Matches("value=\"planned\"[^>]*checked", edit);
        var changed = await client.PostFormAsync(CommitteePaths.EditTopic(Id, topic.Id), "topic",
            ("title", "Delayed discharges from hospital"), ("description", ""), ("meetingOn", "2026-09-29"), ("status", "in_progress"),
            ("indicators", $"{Manchester}/{DelayedDays}"));
        Assert.Equal(HttpStatusCode.SeeOther, changed.StatusCode);
        topic = Assert.Single(await app.Get<CommitteeStore>().ListTopicsAsync(Id));
        Assert.Equal((TopicStatus.InProgress, (string?)null), (topic.Status, topic.Description));
        Assert.Equal([new Link(LinkKind.Indicator, $"{Manchester}/{DelayedDays}")], topic.Links);

        // The committee's page shows the programme: the meeting, the indicator by name linked to its page, the status.
        var page = await (await client.GetAsync(CommitteePaths.Committee(Id))).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/places/{Manchester}/indicators/{DelayedDays}\">Days people spent in hospital after they were ready to leave</a>", page);
        Assert.Contains("data-topic-status=\"in_progress\">In progress</strong>", page);
        Assert.Contains("29 September 2026", page);

        var due = Today.AddDays(14);
        var asked = await client.PostFormAsync(CommitteePaths.NewQuestion(Id), "question",
            ("text", "How many people waited more than a week to leave hospital in May?"), ("addressee", $"agency:{Agency}"), ("dueOn", Day(due)));
        Assert.Equal(HttpStatusCode.SeeOther, asked.StatusCode);
        var question = Assert.Single(await app.Get<CommitteeQuestions>().ListAsync(Id));
        Assert.Equal(CommitteeAddresses.Question(Id, question.Question.Id), asked.Headers.Location?.AbsolutePath);
        Assert.Equal((Mft, due, QuestionState.Open), (question.Question.Addressee, question.Question.DueOn, question.State));

        var audit = await app.Get<AuditSearch>().AllAsync(new AuditFilter(Actor: member.Person.Actor));
        Assert.Equal([CommitteeActions.MeetingsSet, CommitteeActions.TopicAdded, CommitteeActions.TopicUpdated, CommitteeActions.QuestionAsked],
            audit.Where(a => a.Action != "person_signed_in").Reverse().Select(a => a.Action));
    }

    [Fact]
    public async Task Bad_input_is_named_field_by_field_and_writes_nothing()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);
        using var client = new FormClient(app);
        await client.SignInAsync(c.People.ScrutinyMember.Email, c.People.ScrutinyMember.Password);

        var meeting = await ReadAsync(await client.PostFormAsync(CommitteePaths.NewMeeting(Id), "meeting", ("meets-on", "30/06/2026")));
        Assert.Contains("href=\"#meets-on\">The meeting date must be a real date, written like 2026-09-30</a>", meeting);
        var twice = await ReadAsync(await client.PostFormAsync(CommitteePaths.NewMeeting(Id), "meeting", ("meets-on", Day(Meeting))));
        Assert.Contains("href=\"#meets-on\">The committee already meets on that date</a>", twice);

        var topic = await ReadAsync(await client.PostFormAsync(CommitteePaths.NewTopic(Id), "topic",
            ("title", ""), ("meetingOn", ""), ("status", "finished"), ("boards", "no-such-board")));
        Assert.Contains("href=\"#title\">Enter the topic</a>", topic);
        Assert.Contains("href=\"#status\">Choose the status</a>", topic);
        // A forged box is named on the group's first box (the place's boards by name: the community safety partnership first).
        Assert.Contains("href=\"#boards-manchester-csp\">No board has the id &#x27;no-such-board&#x27;.</a>", topic);

        var question = await ReadAsync(await client.PostFormAsync(CommitteePaths.NewQuestion(Id), "question", ("text", "Why?"), ("addressee", ""), ("dueOn", Day(Today))));
        Assert.Contains("href=\"#addressee\">Choose the agency or board the question is for</a>", question);
        Assert.Contains("href=\"#dueOn\">The day an answer is due must be after today</a>", question);

        Assert.Equal([Meeting], (await app.Get<CommitteeStore>().FindAsync(Id))!.Meetings);
        Assert.Empty(await app.Get<CommitteeStore>().ListTopicsAsync(Id));
        Assert.Empty(await app.Get<CommitteeQuestions>().ListAsync(Id));
    }

    [Fact]
    public async Task Those_the_committee_does_not_let_in_get_403_for_its_forms_opened_or_posted()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);
        foreach (var person in new[] { c.People.Submitter, c.People.BoardMember })
        {
            using var client = new FormClient(app);
            await client.SignInAsync(person.Email, person.Password);
            foreach (var path in new[] { CommitteePaths.NewMeeting(Id), CommitteePaths.NewTopic(Id), CommitteePaths.NewQuestion(Id) })
            {
                var opened = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.Forbidden, opened.StatusCode);
                Assert.Contains("You cannot change this committee", await opened.Content.ReadAsStringAsync());
            }
            // A post with a good token from a page they may open is refused before the page runs.
            var posted = await client.PostFormWithTokenFromAsync(CommitteePaths.Committee(Id), CommitteePaths.NewMeeting(Id), "meeting", ("meets-on", "2026-12-01"));
            Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
            var made = await client.PostFormAsync(CommitteePaths.Committee(Id), "recommendation", ("text", "Do more"), ("recommendation-addressee", $"agency:{Agency}"));
            Assert.Equal(HttpStatusCode.Forbidden, made.StatusCode);
        }
        Assert.Equal([Meeting], (await app.Get<CommitteeStore>().FindAsync(Id))!.Meetings);
        Assert.Empty(await app.Get<RecommendationRegister>().ListAsync(new RecommendationScope(Id)));
    }

    [Fact]
    public async Task Only_the_addressee_answers_a_question_and_reports_on_a_recommendation_another_agency_gets_403()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);
        var question = await c.AskAsync("How many beds are blocked each week?", Mft, Today.AddDays(7));
        var recommendation = await c.RecommendAsync("Publish the discharge plan", Mft);
        await app.Get<RecommendationRegister>().RespondAsync(As(c.People.Submitter), Id, recommendation.Recommendation.Id,
            new ResponseBody("accepted", "We will", Day(Today.AddMonths(3))));
        var questionPage = CommitteeAddresses.Question(Id, question.Question.Id);
        var recommendationPage = CommitteeAddresses.Recommendation(Id, recommendation.Recommendation.Id);

        using var other = new FormClient(app);
        await other.SignInAsync(c.OtherAgency.Email, c.OtherAgency.Password);
        Assert.DoesNotContain("Send the answer", await (await other.GetAsync(questionPage)).Content.ReadAsStringAsync());
        var refused = await other.PostFormAsync(questionPage, "answer", ("answer", "Forty"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var refusedUpdate = await other.PostFormAsync(recommendationPage, "update", ("update-status", "in_progress"), ("update-text", "Under way"));
        Assert.Equal(HttpStatusCode.Forbidden, refusedUpdate.StatusCode);
        // Nor does the committee answer for the agency.
        using var member = new FormClient(app);
        await member.SignInAsync(c.People.ScrutinyMember.Email, c.People.ScrutinyMember.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostFormAsync(questionPage, "answer", ("answer", "Forty"))).StatusCode);
        Assert.Null((await app.Get<CommitteeQuestions>().FindAsync(Id, question.Question.Id))!.Question.Answer);

        using var agency = new FormClient(app);
        await agency.SignInAsync(c.People.Submitter.Email, c.People.Submitter.Password);
        var empty = await ReadAsync(await agency.PostFormAsync(questionPage, "answer", ("answer", "")));
        Assert.Contains("href=\"#answer\">Enter your answer</a>", empty);
        var answered = await agency.PostFormAsync(questionPage, "answer", ("answer", "Forty a week, down from sixty."));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("Forty a week, down from sixty.", await (await agency.GetAsync(questionPage)).Content.ReadAsStringAsync());

        var noStatus = await ReadAsync(await agency.PostFormAsync(recommendationPage, "update", ("update-text", "")));
        Assert.Contains("href=\"#update-status\">Choose where implementation stands</a>", noStatus);
        Assert.Contains("href=\"#update-text\">Enter what has been done</a>", noStatus);
        var update = await agency.PostFormAsync(recommendationPage, "update",
            ("update-status", "in_progress"), ("update-text", "The plan is drafted."), ("update-evidence", "Board paper 12, June 2026"));
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        var stored = (await app.Get<RecommendationRegister>().FindAsync(Id, recommendation.Recommendation.Id))!;
        Assert.Equal(RecommendationState.InProgress, stored.State);
        Assert.Equal(("The plan is drafted.", "Board paper 12, June 2026", c.People.Submitter.Person.Actor),
            (stored.Recommendation.Updates.Single().Text, stored.Recommendation.Updates.Single().Evidence, stored.Recommendation.Updates.Single().By));
    }

    [Fact]
    public async Task The_register_filters_by_get_and_its_csv_download_keeps_the_filter()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);
        var late = await c.RecommendAsync("Answer the waiting-list letter", Mft, overdue: true);
        var board = await c.RecommendAsync("Pool the falls budget", HealthBoard);
        using var resident = new FormClient(app);

        var overdue = await resident.GetAsync(CommitteePaths.Committee(Id) + "?state=&addressee=&overdue=true");
        var page = await overdue.Content.ReadAsStringAsync();
        Assert.Contains($"data-recommendation=\"{late.Recommendation.Id}\"", page);
        Assert.DoesNotContain($"data-recommendation=\"{board.Recommendation.Id}\"", page);
        Assert.Contains("data-recommendation-state=\"response_overdue\">Response overdue</strong>", page);
        Assert.Contains($"href=\"{CommitteePaths.RegisterCsv(Id)}?state=&amp;addressee=&amp;overdue=true\"", page);

        var csv = await resident.GetAsync(CommitteePaths.RegisterCsv(Id) + "?overdue=true");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(string.Join(",", RecommendationCsv.Columns), rows[0]);
        Assert.Contains(late.Recommendation.Id, Assert.Single(rows[1..]));
        Assert.Contains("response_overdue,true", rows[1]);

        var toBoard = (await (await resident.GetAsync(CommitteePaths.RegisterCsv(Id) + $"?addressee={Board}")).Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(board.Recommendation.Id, Assert.Single(toBoard[1..]));
        Assert.Equal(3, (await (await resident.GetAsync(CommitteePaths.RegisterCsv(Id))).Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await resident.GetAsync(CommitteePaths.RegisterCsv(Id) + "?state=lost")).StatusCode);
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

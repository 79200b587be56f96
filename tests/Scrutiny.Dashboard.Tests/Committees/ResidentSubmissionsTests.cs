using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Scrutiny.Dashboard.Committees;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Audit;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Dashboard.Tests.Committees.CommitteeCase;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Committees;

/// <summary>
/// Residents' questions and suggestions as browsers without JavaScript send and decide them: a resident asks with no
/// account, a member publishes the question to an agency, the agency answers, and the public page shows both — the
/// resident's email address nowhere public. The honeypot, the limits by field and by address, decline, merge, the
/// queue's 403 and the audit rows.
/// </summary>
public sealed partial class ResidentSubmissionsTests
{
    private const string Email = "jo.resident@example.org";
    private const string Asked = "Why do people wait more than a week to leave hospital once they are ready?";

    [Theory]
    [InlineData(StoreEngine.Sqlite)]
    [InlineData(StoreEngine.Postgres)]
    public async Task A_resident_asks_a_member_publishes_the_agency_answers_and_the_public_page_shows_it_without_the_email(StoreEngine engine)
    {
        await using var app = await DashboardApp.StartAsync(engine, new CapturingLogs());
        var c = await CommitteeCase.SeedAsync(app);
        using var resident = new FormClient(app);

        // Asked from the place page, which links to the committee's form with the place.
        var placePage = await ReadAsync(await resident.GetAsync($"/places/{Manchester}"));
        Assert.Contains($"href=\"{CommitteePaths.Ask(Id, Manchester)}\"", WebUtility.HtmlDecode(placePage));
        Assert.Contains($"href=\"{CommitteePaths.Ask(Id)}\"", await ReadAsync(await resident.GetAsync(CommitteePaths.Committee(Id))));
        var sent = await resident.PostFormAsync(CommitteePaths.Ask(Id, Manchester), "ask",
            ("place", Manchester), ("kind", "question"), ("text", Asked), ("name", "Jo Resident"), ("email", Email), ("website", ""));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var reference = ReferenceIn(sent);
        Assert.Contains(reference, await ReadAsync(await resident.GetAsync(sent.Headers.Location!.OriginalString)));
        var received = (await app.Get<ResidentSubmissions>().FindAsync(Id, reference))!;
        Assert.Equal((SubmissionKind.Question, SubmissionState.Received, Manchester, "Jo Resident"), (received.Kind, received.State, received.PlaceCode, received.Name));

        // Unmoderated: its reference says it waits; the public pages do not show it.
        var waiting = await ReadAsync(await resident.GetAsync(CommitteePaths.Asked(Id, reference)));
        Assert.Contains("Waiting for the committee", waiting);
        Assert.DoesNotContain(Asked, waiting);
        Assert.DoesNotContain(Asked, await ReadAsync(await resident.GetAsync(CommitteePaths.Committee(Id))));

        // The member sees it, email and all, in the queue, and publishes it to the trust with a due day.
        using var member = new FormClient(app);
        await member.SignInAsync(c.People.ScrutinyMember.Email, c.People.ScrutinyMember.Password);
        var queue = await ReadAsync(await member.GetAsync(CommitteePaths.Submissions(Id)));
        Assert.Contains(Email, queue);
        Assert.Contains(Asked, queue);
        var due = Today.AddDays(21);
        var published = await member.PostFormAsync(CommitteePaths.Submission(Id, reference), "publish", ("addressee", $"agency:{Agency}"), ("dueOn", Day(due)));
        Assert.Equal(HttpStatusCode.SeeOther, published.StatusCode);
        // A second click is refused with the reason, and publishes nothing more.
        var again = await ReadAsync(await member.PostFormAsync(CommitteePaths.Submission(Id, reference), "publish", ("addressee", $"agency:{Agency}"), ("dueOn", Day(due))));
        Assert.Contains("href=\"#outcome\">This submission was published already", again);
        var question = Assert.Single(await app.Get<CommitteeQuestions>().ListAsync(Id)).Question;
        Assert.Equal((Mft, due, Asked, new ResidentAsker(reference, "Jo Resident")), (question.Addressee, question.DueOn, question.Text, question.Resident));

        // The trust's submitter answers on the question's page, as for a member's question.
        using var agency = new FormClient(app);
        await agency.SignInAsync(c.People.Submitter.Email, c.People.Submitter.Password);
        var questionPage = CommitteeAddresses.Question(Id, question.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await agency.PostFormAsync(questionPage, "answer", ("answer", "Most wait for a care home place; we have funded 20 more."))).StatusCode);

        var committeePage = await ReadAsync(await resident.GetAsync(CommitteePaths.Committee(Id)));
        Assert.Contains(Asked, committeePage);
        Assert.Contains("data-asked-by-resident>Asked by a resident, Jo Resident</span>", committeePage);
        Assert.Contains($"data-question=\"{question.Id}\"", committeePage);
        Assert.Contains("data-question-state=\"answered\"", committeePage);
        var publicQuestion = await ReadAsync(await resident.GetAsync(questionPage));
        Assert.Contains("Most wait for a care home place; we have funded 20 more.", publicQuestion);
        Assert.Contains("A resident, Jo Resident; the committee published the question", publicQuestion);
        var follow = await ReadAsync(await resident.GetAsync(CommitteePaths.Asked(Id, reference)));
        Assert.Contains($"href=\"{questionPage}\" data-published-question>Read the question and its answer</a>", follow);

        // A second resident asks the same: the member joins it to the published question, where its reference now leads.
        var duplicate = (await app.Get<ResidentSubmissions>().ReceiveAsync(Id, new ResidentSubmissionBody("question", "How long do people wait to leave hospital?", null, null, null))).Value!;
        Assert.Equal(HttpStatusCode.SeeOther, (await member.PostFormAsync(CommitteePaths.Submission(Id, duplicate.Id), "merge", ("into", $"question:{question.Id}"))).StatusCode);
        Assert.Contains($"href=\"{questionPage}\" data-merged-question>", await ReadAsync(await resident.GetAsync(CommitteePaths.Asked(Id, duplicate.Id))));

        // The email address is nowhere public: pages, the register's CSV, the API's questions, nor the audit log's details.
        var csv = await (await resident.GetAsync(CommitteePaths.RegisterCsv(Id))).Content.ReadAsStringAsync();
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", await app.Get<ApiKeyStore>().CreateAsync(Agency, isAdmin: false));
        var apiQuestions = await api.GetStringAsync($"/api/v1/committees/{Id}/questions");
        Assert.Contains(Asked, apiQuestions);
        // The committee's feed carries the question and its answer, said to be a resident's, with no name or email.
        var feed = await (await resident.GetAsync(Scrutiny.Dashboard.Feeds.FeedPaths.Committee(Id))).Content.ReadAsStringAsync();
        Assert.Contains("put a resident's question to", feed);
        Assert.Contains("Most wait for a care home place; we have funded 20 more.", feed);
        Assert.DoesNotContain("Jo Resident", feed);
        var audit = await app.Get<AuditSearch>().AllAsync(AuditFilter.Everything);
        foreach (var text in new[] { committeePage, publicQuestion, follow, csv, apiQuestions, placePage, feed, string.Join("\n", audit.Select(a => a.Detail)) })
            Assert.DoesNotContain(Email, text, StringComparison.OrdinalIgnoreCase);

        // Each write audited: the resident as "resident", the rest as the member and the agency's person.
        var subject = CommitteeActions.Subject(Id, reference);
        Assert.Contains(audit, a => (a.Actor, a.Action, a.Subject) == (ResidentSubmissionStore.ResidentActor, CommitteeActions.SubmissionReceived, subject));
        Assert.Contains(audit, a => (a.Actor, a.Action, a.Subject) == (c.People.ScrutinyMember.Person.Actor, CommitteeActions.SubmissionPublished, subject));
        Assert.Contains(audit, a => (a.Actor, a.Action) == (c.People.ScrutinyMember.Person.Actor, CommitteeActions.QuestionAsked));
        Assert.Contains(audit, a => (a.Actor, a.Action) == (c.People.Submitter.Person.Actor, CommitteeActions.QuestionAnswered));
        Assert.Single(audit, a => a.Action == CommitteeActions.SubmissionPublished);
    }

    [Fact]
    public async Task A_filled_honeypot_stores_nothing_bad_input_is_named_by_field_and_an_address_has_an_hourly_budget()
    {
        await using var app = await DashboardApp.StartAsync(new Dictionary<string, string?> { [$"{RateLimitOptions.Section}:ResidentSubmissionsPerHour"] = "2" });
        await CommitteeCase.SeedAsync(app);
        using var resident = new FormClient(app);

        var bot = await resident.PostFormAsync(CommitteePaths.Ask(Id), "ask", ("kind", "topic"), ("text", "Cheap pills"), ("website", "https://spam.example"));
        Assert.Equal(HttpStatusCode.SeeOther, bot.StatusCode);
        Assert.Contains(ReferenceIn(bot), await ReadAsync(await resident.GetAsync(bot.Headers.Location!.OriginalString)));
        Assert.Empty(await app.Get<ResidentSubmissions>().ListAsync(Id));
        Assert.Empty(await app.Get<AuditSearch>().AllAsync(new AuditFilter(Actor: ResidentSubmissionStore.ResidentActor)));

        var bad = await ReadAsync(await resident.PostFormAsync(CommitteePaths.Ask(Id), "ask",
            ("kind", ""), ("text", ""), ("name", new string('n', 101)), ("email", "jo@")));
        Assert.Contains("href=\"#kind\">Choose whether you are asking a question or suggesting a topic</a>", bad);
        Assert.Contains("href=\"#text\">Enter your question or suggestion</a>", bad);
        Assert.Contains("href=\"#name\">Your name must be 100 characters or fewer</a>", bad);
        Assert.Contains("href=\"#email\">Enter an email address in the correct format, like name@example.com</a>", bad);
        var tooLong = await ReadAsync(await resident.PostFormAsync(CommitteePaths.Ask(Id), "ask", ("kind", "question"), ("text", new string('x', 2001))));
        Assert.Contains("href=\"#text\">Your question or suggestion must be 2000 characters or fewer</a>", tooLong);
        Assert.Empty(await app.Get<ResidentSubmissions>().ListAsync(Id));

        // The honeypot spent one of the two; errors spent none; the second real one is the last this hour.
        Assert.Equal(HttpStatusCode.SeeOther, (await resident.PostFormAsync(CommitteePaths.Ask(Id), "ask", ("kind", "topic"), ("text", "Look at falls in care homes"))).StatusCode);
        var refused = await resident.PostFormAsync(CommitteePaths.Ask(Id), "ask", ("kind", "topic"), ("text", "And at loneliness"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Matches("You have sent 2 questions or suggestions in the last hour. Try again in \\d+ minutes?", page);
        Assert.Contains("And at loneliness", page);
        Assert.Single(await app.Get<ResidentSubmissions>().ListAsync(Id));
    }

    [Fact]
    public async Task Members_decline_with_a_published_reason_and_merge_duplicates_others_get_403_and_it_all_survives_a_restart()
    {
        var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        var first = DashboardApp.StartOn(database);
        var c = await CommitteeCase.SeedAsync(first);
        var submissions = first.Get<ResidentSubmissions>();
        var falls = (await submissions.ReceiveAsync(Id, new ResidentSubmissionBody("topic", "Falls among older people at home", null, "a@example.org", null))).Value!;
        var fallsAgain = (await submissions.ReceiveAsync(Id, new ResidentSubmissionBody("topic", "Older people falling at home", "Sam", null, null))).Value!;
        var rude = (await submissions.ReceiveAsync(Id, new ResidentSubmissionBody("question", "Something rude about a named nurse", null, null, null))).Value!;

        foreach (var person in new[] { c.People.Submitter, c.People.BoardMember })
        {
            using var other = new FormClient(first);
            await other.SignInAsync(person.Email, person.Password);
            foreach (var path in new[] { CommitteePaths.Submissions(Id), CommitteePaths.Submission(Id, rude.Id) })
            {
                var opened = await other.GetAsync(path);
                Assert.Equal(HttpStatusCode.Forbidden, opened.StatusCode);
                Assert.DoesNotContain("a@example.org", await opened.Content.ReadAsStringAsync());
            }
            var posted = await other.PostFormWithTokenFromAsync(CommitteePaths.Committee(Id), CommitteePaths.Submission(Id, rude.Id), "decline", ("reason", "No"));
            Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden,
                (await other.PostFormWithTokenFromAsync(CommitteePaths.Committee(Id), CommitteePaths.Submissions(Id), "decline", ("reason", "No"))).StatusCode);
        }
        using (var anonymous = new FormClient(first))
            Assert.Contains("/sign-in", (await anonymous.GetAsync(CommitteePaths.Submissions(Id))).Headers.Location?.OriginalString);
        Assert.All(await submissions.ListAsync(Id), s => Assert.Equal(SubmissionState.Received, s.State));

        using var member = new FormClient(first);
        await member.SignInAsync(c.People.ScrutinyMember.Email, c.People.ScrutinyMember.Password);
        var noReason = await ReadAsync(await member.PostFormAsync(CommitteePaths.Submission(Id, rude.Id), "decline", ("reason", "")));
        Assert.Contains("href=\"#reason\">Enter the reason</a>", noReason);
        const string Reason = "It names a member of staff: the committee scrutinises services, not individuals.";
        Assert.Equal(HttpStatusCode.SeeOther, (await member.PostFormAsync(CommitteePaths.Submission(Id, rude.Id), "decline", ("reason", Reason))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await member.PostFormAsync(CommitteePaths.Submission(Id, falls.Id), "publish", ("topic", ""))).StatusCode);
        var self = await ReadAsync(await member.PostFormAsync(CommitteePaths.Submission(Id, fallsAgain.Id), "merge", ("into", $"submission:{fallsAgain.Id}")));
        Assert.Contains("href=\"#into\">", self);
        Assert.Equal(HttpStatusCode.SeeOther, (await member.PostFormAsync(CommitteePaths.Submission(Id, fallsAgain.Id), "merge", ("into", $"submission:{falls.Id}"))).StatusCode);
        var declinedAgain = await ReadAsync(await member.PostFormAsync(CommitteePaths.Submission(Id, rude.Id), "decline", ("reason", "Twice")));
        Assert.Contains("This submission was declined already", declinedAgain);

        var audit = await first.Get<AuditSearch>().AllAsync(new AuditFilter(Actor: c.People.ScrutinyMember.Person.Actor));
        Assert.Equal([CommitteeActions.SubmissionDeclined, CommitteeActions.SubmissionPublished, CommitteeActions.SubmissionMerged],
            audit.Where(a => a.Action.StartsWith("resident_submission", StringComparison.Ordinal)).Reverse().Select(a => a.Action));
        Assert.Equal(3, (await first.Get<AuditSearch>().AllAsync(new AuditFilter(Actor: ResidentSubmissionStore.ResidentActor, Action: CommitteeActions.SubmissionReceived))).Count);

        var port = first.BaseAddress.Port;
        await first.DisposeAsync();
        await using var second = DashboardApp.StartOn(database, port);
        using var resident = new FormClient(second);
        var page = await ReadAsync(await resident.GetAsync(CommitteePaths.Committee(Id)));
        Assert.Contains($"data-suggestion=\"{falls.Id}\"", page);
        Assert.Contains("Falls among older people at home", page);
        Assert.DoesNotContain("Older people falling at home", page);
        Assert.Contains($"data-declined=\"{rude.Id}\"", page);
        Assert.Contains(WebUtility.HtmlEncode(Reason), page);
        // A declined text is not published: its reference and the committee's reason are.
        Assert.DoesNotContain("named nurse", page);
        Assert.DoesNotContain("a@example.org", page);
        var merged = await ReadAsync(await resident.GetAsync(CommitteePaths.Asked(Id, fallsAgain.Id)));
        Assert.Contains($"href=\"{CommitteePaths.Asked(Id, falls.Id)}\" data-merged-submission>reference {falls.Id}</a>", merged);
        var declined = await ReadAsync(await resident.GetAsync(CommitteePaths.Asked(Id, rude.Id)));
        Assert.Contains(WebUtility.HtmlEncode(Reason), declined);
        Assert.DoesNotContain("named nurse", declined);
        await database.DisposeAsync();
    }

    private static string ReferenceIn(HttpResponseMessage sent) =>
        ReceivedPath().Match(sent.Headers.Location?.OriginalString ?? "") is { Success: true } m ? m.Groups["reference"].Value
            : throw new InvalidOperationException($"Not a confirmation: {sent.Headers.Location}");

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("/ask/received/(?<reference>[a-z0-9]+)$")]
    private static partial Regex ReceivedPath();
}

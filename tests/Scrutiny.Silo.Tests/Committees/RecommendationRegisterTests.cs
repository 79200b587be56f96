using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Boards;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Silo.Tests.Committees.CommitteesUnderTest;

namespace Scrutiny.Silo.Tests.Committees;

/// <summary>The recommendations register through the API on both engines, with a clock the test moves.</summary>
public sealed class RecommendationRegisterTests
{
    [Theory, ClassData(typeof(Engines))]
    public async Task A_recommendation_goes_from_made_to_responded_to_implemented_to_closed_each_step_audited(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var id = await c.MakeAsync(ToAgency("MFT"));
        var made = await c.GetJsonAsync($"{Base}/recommendations/{id}", c.MftKey);
        Assert.Equal(("2026-01-10", "2026-03-10", "awaiting_response", false),
            (made.GetProperty("madeOn").GetString(), made.GetProperty("responseDue").GetString(), made.GetProperty("state").GetString(),
                made.GetProperty("overdue").GetBoolean()));
        Assert.Equal("indicator", made.GetProperty("evidence")[0].GetProperty("kind").GetString());

        c.Advance(20);
        var responded = await c.Api.PutAsync($"{Base}/recommendations/{id}/response", c.MftKey,
            new { decision = "partially_accepted", reasons = "Winter plan yes; a new ward no", implementBy = "2026-06-30" });
        Assert.Equal(HttpStatusCode.OK, responded.StatusCode);
        Assert.Equal("accepted", (await responded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        c.Advance(30);
        Assert.Equal(HttpStatusCode.Created, (await c.Api.PostAsync($"{Base}/recommendations/{id}/updates", c.MftKey,
            new { status = "in_progress", text = "Plan drafted", evidence = "https://example.org/plan.pdf" })).StatusCode);
        Assert.Equal("in_progress", await c.StateAsync(id));
        c.Advance(60);
        var implemented = await c.Api.PostAsync($"{Base}/recommendations/{id}/updates", c.MftKey, new { status = "implemented", text = "Plan published" });
        Assert.Equal("implemented", (await implemented.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        var told = (await c.Get<CommitteeInbox>().ForAsync(CommitteeMember)).Notifications.Select(n => n.Subject).ToList();
        Assert.Contains(told, s => s.StartsWith("Manchester University NHS Foundation Trust reported progress (under way): ", StringComparison.Ordinal));
        Assert.Contains(told, s => s.StartsWith("Manchester University NHS Foundation Trust reported progress (done): ", StringComparison.Ordinal));

        var closed = await c.Api.PostAsync($"{Base}/recommendations/{id}/closure", c.AdminKey, new { note = "Satisfied: the plan is in place" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var json = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("closed", "partially_accepted", 2), (json.GetProperty("state").GetString(),
            json.GetProperty("response").GetProperty("decision").GetString(), json.GetProperty("updates").GetArrayLength()));

        // Nothing more after closure, and a second response or closure is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await c.Api.PostAsync($"{Base}/recommendations/{id}/updates", c.MftKey, new { status = "implemented", text = "Again" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await c.Api.PostAsync($"{Base}/recommendations/{id}/closure", c.AdminKey, new { note = "Again" })).StatusCode);

        foreach (var (action, count) in new[] { (CommitteeActions.RecommendationMade, 1), (CommitteeActions.RecommendationResponded, 1),
                     (CommitteeActions.RecommendationUpdateAdded, 2), (CommitteeActions.RecommendationClosed, 1) })
            Assert.Equal(count, await c.Api.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND subject = 'committee:{CommitteeId}/{id}'"));
        Assert.Equal(1, await c.Api.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = '{CommitteeActions.Created}'"));
        // Made and closed told MFT; responded and each update told the committee: every notification audited as sent.
        Assert.Equal(2, await c.Api.CountAsync("SELECT COUNT(*) FROM inbox_notifications WHERE recipient_kind = 'agency' AND recipient = 'MFT'"));
        Assert.Equal(3, await c.Api.CountAsync($"SELECT COUNT(*) FROM inbox_notifications WHERE recipient_kind = 'committee' AND recipient = '{CommitteeId}'"));
        Assert.Equal(5, await c.Api.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = '{CommitteeActions.NotificationSent}'"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task An_unanswered_recommendation_is_overdue_the_day_after_two_months_and_the_months_are_the_committees(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var id = await c.MakeAsync(ToAgency("MFT"));
        c.Time.Now = new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero);
        Assert.Equal("awaiting_response", await c.StateAsync(id));
        c.Time.Now = new DateTimeOffset(2026, 3, 11, 0, 30, 0, TimeSpan.Zero);
        Assert.Equal("response_overdue", await c.StateAsync(id));
        var overdue = await c.GetJsonAsync($"{Base}/recommendations?overdue=true", c.MftKey);
        Assert.Equal(id, Assert.Single(overdue.EnumerateArray()).GetProperty("id").GetString());

        // Three months for this committee; a committee may also name the day itself.
        var three = await c.Api.PutAsync($"/api/v1/committees/{CommitteeId}", c.AdminKey,
            new { name = "Manchester Health Scrutiny Committee", place = Manchester, responseMonths = 3 });
        Assert.Equal(3, (await three.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("responseMonths").GetInt32());
        var later = await c.MakeAsync(new { text = "Report on falls", addressee = new { kind = "agency", code = "MCC" }, madeOn = "2026-03-01" });
        var due = await c.GetJsonAsync($"{Base}/recommendations/{later}", c.AdminKey);
        Assert.Equal(("2026-06-01", "awaiting_response"), (due.GetProperty("responseDue").GetString(), due.GetProperty("state").GetString()));
        var named = await c.MakeAsync(new { text = "Urgent", addressee = new { kind = "agency", code = "MCC" }, responseDue = "2026-03-20" });
        Assert.Equal("2026-03-20", (await c.GetJsonAsync($"{Base}/recommendations/{named}", c.AdminKey)).GetProperty("responseDue").GetString());

        // Accepted with a day to implement by: overdue again after that day.
        Assert.Equal(HttpStatusCode.OK, (await c.Api.PutAsync($"{Base}/recommendations/{id}/response", c.MftKey,
            new { decision = "accepted", reasons = "Late, but yes", implementBy = "2026-04-30" })).StatusCode);
        Assert.Equal("accepted", await c.StateAsync(id));
        c.Time.Now = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal("implementation_overdue", await c.StateAsync(id));
        var filtered = await c.GetJsonAsync($"{Base}/recommendations?state=implementation_overdue", c.AdminKey);
        Assert.Equal(id, Assert.Single(filtered.EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Only_the_addressee_responds_an_agency_on_the_board_for_a_board_and_no_one_else_not_even_an_administrator(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var toMft = await c.MakeAsync(ToAgency("MFT"));
        var toBoard = await c.MakeAsync(ToBoard());
        object Response(string decision = "accepted") => new { decision, reasons = "Because", implementBy = "2026-09-30" };

        foreach (var key in new[] { c.MccKey, c.GmpKey, c.AdminKey })
            Assert.Equal(HttpStatusCode.Forbidden, (await c.Api.PutAsync($"{Base}/recommendations/{toMft}/response", key, Response())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Api.PostAsync($"{Base}/recommendations/{toMft}/updates", c.MccKey,
            new { status = "in_progress", text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.Api.PutAsync($"{Base}/recommendations/{toMft}/response", null, Response())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Api.PutAsync($"{Base}/recommendations/{toMft}/response", c.MftKey, Response())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await c.Api.PutAsync($"{Base}/recommendations/{toMft}/response", c.MftKey, Response("rejected"))).StatusCode);

        // A board addressee: GMP sits on no board; MCC sits on manchester-hwb; so does a board member (a person, through the pages).
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Api.PutAsync($"{Base}/recommendations/{toBoard}/response", c.GmpKey, Response())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Api.PutAsync($"{Base}/recommendations/{toBoard}/response", c.AdminKey, Response())).StatusCode);
        var byMember = await c.Get<RecommendationRegister>().RespondAsync(CommitteeMember, CommitteeId, toBoard, new ResponseBody("accepted", "x", "2026-09-30"));
        Assert.Equal(CommitteeOutcome.Forbidden, byMember.Outcome);
        Assert.Equal(HttpStatusCode.OK, (await c.Api.PutAsync($"{Base}/recommendations/{toBoard}/response", c.MccKey,
            new { decision = "rejected", reasons = "The budget is pooled already" })).StatusCode);
        Assert.Equal("rejected", await c.StateAsync(toBoard));
        // A rejected recommendation has nothing to implement.
        Assert.Equal(HttpStatusCode.Conflict, (await c.Api.PostAsync($"{Base}/recommendations/{toBoard}/updates", c.MccKey,
            new { status = "in_progress", text = "x" })).StatusCode);

        var secondToBoard = await c.MakeAsync(ToBoard("Publish the fund's spend"));
        var byBoardMember = await c.Get<RecommendationRegister>().RespondAsync(BoardMember, CommitteeId, secondToBoard,
            new ResponseBody("accepted", "Yes", "2026-09-30"));
        Assert.Equal(CommitteeOutcome.Done, byBoardMember.Outcome);
        Assert.Equal(1, await c.Api.CountAsync($"SELECT COUNT(*) FROM recommendation_responses WHERE recommendation_id = '{secondToBoard}' AND responded_by = 'person:2'"));
    }

    [Fact]
    public async Task Committee_actions_are_for_its_members_and_administrators_only()
    {
        await using var c = await CommitteesUnderTest.StartAsync(StoreEngine.Sqlite);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Api.PostAsync($"{Base}/recommendations", c.MftKey, ToAgency("MFT"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Api.PostAsync("/api/v1/committees", c.MftKey, new { id = "x", name = "X", place = Manchester })).StatusCode);

        var register = c.Get<RecommendationRegister>();
        var made = await register.MakeAsync(CommitteeMember, CommitteeId, new RecommendationBody("Fund falls prevention",
            new AddresseeBody("agency", "MCC"), [new LinkBody("commitment", "manchester-hwb/none")], null, null));
        Assert.Equal("evidence[0].reference", Assert.Single(made.Problems).Field);
        var ok = await register.MakeAsync(CommitteeMember, CommitteeId, new RecommendationBody("Fund falls prevention", new AddresseeBody("agency", "MCC"), null, null, null));
        Assert.Equal(CommitteeOutcome.Done, ok.Outcome);
        Assert.Equal(CommitteeOutcome.Forbidden, (await register.MakeAsync(Person(3, Scrutiny.Silo.Security.ScrutinyAuth.CommitteeClaim, "another-committee"),
            CommitteeId, new RecommendationBody("x", new AddresseeBody("agency", "MCC"), null, null, null))).Outcome);
        Assert.Equal(CommitteeOutcome.Done, (await register.CloseAsync(CommitteeMember, CommitteeId, ok.Value!.Recommendation.Id, new ClosureBody("Withdrawn"))).Outcome);
        Assert.Equal(1, await c.Api.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = '{CommitteeActions.RecommendationClosed}' AND actor = 'person:1'"));
    }

    [Fact]
    public async Task Bad_bodies_are_refused_naming_each_field_and_write_nothing()
    {
        await using var c = await CommitteesUnderTest.StartAsync(StoreEngine.Sqlite);
        async Task<IReadOnlyList<string>> FieldsAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!)];
        }

        Assert.Equal(["text", "addressee.kind", "addressee.code", "evidence[0].kind", "evidence[1].reference", "evidence[2].reference", "madeOn"],
            await FieldsAsync(await c.Api.PostAsync($"{Base}/recommendations", c.AdminKey, new
            {
                text = " ", addressee = new { kind = "person", code = "" },
                evidence = new[] { new { kind = "board", reference = Board }, new { kind = "indicator", reference = "E08000003" },
                    new { kind = "panel", reference = "nosuchpanel" } },
                madeOn = "2026-01-11",
            })));
        Assert.Equal(["addressee.code", "responseDue"], await FieldsAsync(await c.Api.PostAsync($"{Base}/recommendations", c.AdminKey,
            new { text = "x", addressee = new { kind = "agency", code = "NOPE" }, madeOn = "2026-01-05", responseDue = "2026-01-05" })));
        Assert.Equal(0, await c.Api.CountAsync("SELECT COUNT(*) FROM recommendations"));

        var id = await c.MakeAsync(ToAgency("MFT"));
        Assert.Equal(["decision", "reasons"], await FieldsAsync(await c.Api.PutAsync($"{Base}/recommendations/{id}/response", c.MftKey, new { decision = "maybe" })));
        Assert.Equal(["implementBy"], await FieldsAsync(await c.Api.PutAsync($"{Base}/recommendations/{id}/response", c.MftKey,
            new { decision = "accepted", reasons = "Yes" })));
        Assert.Equal(["implementBy"], await FieldsAsync(await c.Api.PutAsync($"{Base}/recommendations/{id}/response", c.MftKey,
            new { decision = "rejected", reasons = "No", implementBy = "2026-05-01" })));
        Assert.Equal(HttpStatusCode.OK, (await c.Api.PutAsync($"{Base}/recommendations/{id}/response", c.MftKey,
            new { decision = "accepted", reasons = "Yes", implementBy = "2026-05-01" })).StatusCode);
        Assert.Equal(["status", "text"], await FieldsAsync(await c.Api.PostAsync($"{Base}/recommendations/{id}/updates", c.MftKey, new { status = "done" })));
        Assert.Equal(["note"], await FieldsAsync(await c.Api.PostAsync($"{Base}/recommendations/{id}/closure", c.AdminKey, new { note = "" })));
        Assert.Equal(0, await c.Api.CountAsync("SELECT COUNT(*) FROM recommendation_updates") + await c.Api.CountAsync("SELECT COUNT(*) FROM recommendation_closures"));
        Assert.Equal(["id", "name", "place", "responseMonths", "meetings[1]"], await FieldsAsync(await c.Api.PostAsync("/api/v1/committees", c.AdminKey,
            new { id = "Not A Code", name = "", place = "E99999999", responseMonths = 0, meetings = new[] { "2026-01-08", "08/01/2026" } })));
        Assert.Equal(["title", "status", "links[0].kind", "links[1].reference"], await FieldsAsync(await c.Api.PostAsync($"{Base}/work-programme", c.AdminKey,
            new { status = "someday", links = new[] { new { kind = "panel", reference = "x" }, new { kind = "board", reference = "nosuchboard" } } })));
        Assert.Equal(["dueOn"], await FieldsAsync(await c.Api.PostAsync($"{Base}/questions", c.AdminKey,
            new { text = "Why?", addressee = new { kind = "agency", code = "MFT" }, dueOn = "2026-01-10" })));
        Assert.Equal(["state", "overdue"], await FieldsAsync(await c.Api.GetAsync($"{Base}/recommendations?state=late&overdue=yes", c.AdminKey)));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task The_register_survives_a_restart_of_the_node(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        string id;
        await using (var first = await CommitteesUnderTest.StartOnAsync(database, seed: true))
        {
            id = await first.MakeAsync(ToAgency("MFT"));
            Assert.Equal(HttpStatusCode.OK, (await first.Api.PutAsync($"{Base}/recommendations/{id}/response", first.MftKey,
                new { decision = "accepted", reasons = "Yes", implementBy = "2026-06-30" })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await first.Api.PostAsync($"{Base}/work-programme", first.AdminKey, new
            {
                title = "Hospital discharge", meetingOn = "2026-03-05", status = "in_progress",
                links = new[] { new { kind = "indicator", reference = $"{Manchester}/delayed-discharge-days" }, new { kind = "board", reference = Board } },
            })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await first.Api.PostAsync($"{Base}/questions", first.AdminKey,
                new { text = "How many beds?", addressee = new { kind = "board", code = Board }, dueOn = "2026-01-24" })).StatusCode);
        }

        await using var second = await CommitteesUnderTest.StartOnAsync(database, seed: false);
        var json = await second.GetJsonAsync($"{Base}/recommendations/{id}", second.MftKey);
        Assert.Equal(("accepted", "2026-06-30"), (json.GetProperty("state").GetString(), json.GetProperty("response").GetProperty("implementBy").GetString()));
        var committee = await second.GetJsonAsync(Base, second.MftKey);
        Assert.Equal(["2026-01-08", "2026-03-05"], committee.GetProperty("meetings").EnumerateArray().Select(m => m.GetString()));
        var topic = Assert.Single((await second.GetJsonAsync($"{Base}/work-programme", second.MftKey)).EnumerateArray());
        Assert.Equal(("Hospital discharge", "in_progress", "2026-03-05", 2), (topic.GetProperty("title").GetString(), topic.GetProperty("status").GetString(),
            topic.GetProperty("meetingOn").GetString(), topic.GetProperty("links").GetArrayLength()));
        Assert.Equal("open", Assert.Single((await second.GetJsonAsync($"{Base}/questions", second.MftKey)).EnumerateArray()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_register_downloads_as_csv_with_its_columns_and_neutralised_text()
    {
        await using var c = await CommitteesUnderTest.StartAsync(StoreEngine.Sqlite);
        var id = await c.MakeAsync(ToAgency("MFT", "=HYPERLINK(\"http://x\",\"y\") and publish the plan"));
        await c.Api.PutAsync($"{Base}/recommendations/{id}/response", c.MftKey, new { decision = "accepted", reasons = "Yes, by June", implementBy = "2026-06-30" });
        await c.MakeAsync(ToBoard());

        var response = await c.Api.GetAsync($"{Base}/recommendations?format=csv&addressee=MFT", c.AdminKey);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", RecommendationCsv.Columns), lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{CommitteeId},{id},2026-01-10,agency,MFT,\"'=HYPERLINK", lines[1]);
        Assert.Contains($",indicator:{Manchester}/delayed-discharge-days,2026-03-10,accepted,false,accepted,\"Yes, by June\",2026-06-30,2026-01-10,,,,", lines[1]);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.Api.GetAsync($"{Base}/recommendations?format=xml", c.AdminKey)).StatusCode);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task The_board_meeting_view_lists_the_recommendations_awaiting_the_boards_response(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var awaiting = await c.MakeAsync(ToBoard("Pool the reablement budget"));
        var answered = await c.MakeAsync(ToBoard("Publish the fund's spend"));
        await c.MakeAsync(ToAgency("MCC"));
        await c.Api.PutAsync($"{Base}/recommendations/{answered}/response", c.MccKey, new { decision = "rejected", reasons = "Published already" });

        var meeting = await c.GetJsonAsync($"/api/v1/boards/{Board}/meeting", c.MftKey);
        var listed = Assert.Single(meeting.GetProperty("recommendations").EnumerateArray());
        Assert.Equal((awaiting, "Manchester Health Scrutiny Committee", "Pool the reablement budget", "2026-03-10"),
            (listed.GetProperty("id").GetString(), listed.GetProperty("committee").GetString(), listed.GetProperty("text").GetString(),
                listed.GetProperty("responseDue").GetString()));
    }

    [Fact]
    public async Task Writes_publish_the_committees_change_and_the_boards_for_a_board_addressee()
    {
        await using var c = await CommitteesUnderTest.StartAsync(StoreEngine.Sqlite);
        var seen = new List<Change>();
        using var subscription = c.Get<IChangeFeed>().Subscribe(new Observer(seen));
        await c.MakeAsync(ToBoard());
        // The set-up's own committee changes may still be on their way: the recommendation's is the one naming the board.
        await WaitUntilAsync(() => Seen().Any(ch => ch.Kind == "committee" && ch.Groups.Contains($"board:{Board}")));
        var change = Seen().First(ch => ch.Kind == "committee" && ch.Groups.Contains($"board:{Board}"));
        Assert.Equal([$"committee:{CommitteeId}", $"board:{Board}"], change.Groups);
        // A group a client may watch: the hub reads names only as WatchedGroup does.
        Assert.True(Scrutiny.Grains.Contracts.WatchedGroup.TryParse(change.Groups[0], out _));

        List<Change> Seen()
        {
            lock (seen) return [.. seen];
        }
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_place_shows_its_committees_recommendations_with_their_responses(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var id = await c.MakeAsync(ToAgency("MFT"));
        await c.Api.PutAsync($"{Base}/recommendations/{id}/response", c.MftKey, new { decision = "accepted", reasons = "We will", implementBy = "2026-06-30" });
        await c.Api.PostAsync($"{Base}/recommendations/{id}/updates", c.MftKey, new { status = "implemented", text = "Done in March" });

        var place = await c.GetJsonAsync($"/api/v1/places/{Manchester}/recommendations", c.MccKey);
        Assert.Equal(CommitteeId, Assert.Single(place.GetProperty("committees").EnumerateArray()).GetProperty("id").GetString());
        var r = Assert.Single(place.GetProperty("recommendations").EnumerateArray());
        Assert.Equal(("We will", "Done in March"), (r.GetProperty("response").GetProperty("reasons").GetString(), r.GetProperty("updates")[0].GetProperty("text").GetString()));
        // Names the bodies, not the people or keys who typed.
        Assert.DoesNotContain("api-key", r.GetRawText());
        Assert.Equal(0, (await c.GetJsonAsync("/api/v1/places/E08000009/recommendations", c.MccKey)).GetProperty("recommendations").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await c.Api.GetAsync("/api/v1/places/E99999999/recommendations", c.MccKey)).StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition());
    }

    private sealed class Observer(List<Change> seen) : IChangeListener
    {
        public ValueTask OnChangedAsync(Change change, CancellationToken cancellationToken)
        {
            lock (seen) seen.Add(change);
            return ValueTask.CompletedTask;
        }
    }
}

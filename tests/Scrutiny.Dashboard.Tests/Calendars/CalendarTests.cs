using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Scrutiny.Dashboard.Agencies;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Calendars;
using Scrutiny.Dashboard.Committees;
using Scrutiny.Dashboard.Tests.Boards;
using Scrutiny.Dashboard.Tests.Committees;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Audit;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Store;
using static Scrutiny.Dashboard.Tests.Committees.CommitteeCase;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Calendars;

/// <summary>
/// The iCalendar feeds, parsed back as a calendar app reads them: the committee's and board's meetings and deadlines as
/// all-day events whose UIDs outlive a move (the same UID, the new day, a higher SEQUENCE, no second event); hostile text
/// escaped and folded; unknown ids 404; an agency's calendar for its own people and administrators only.
/// </summary>
public sealed class CalendarTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StoreEngine.Sqlite)]
    [InlineData(StoreEngine.Postgres)]
    public async Task A_member_moves_a_committee_meeting_and_the_subscribed_calendar_moves_it_rather_than_adding_one(StoreEngine engine)
    {
        await using var app = await DashboardApp.StartAsync(engine, new CapturingLogs());
        var c = await CommitteeCase.SeedAsync(app);
        var recommended = await c.RecommendAsync("Publish the discharge plan", Mft);
        var asked = await c.AskAsync("How many beds are blocked each week?", Mft, Today.AddDays(7));
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        var host = app.BaseAddress.Host;

        var (calendar, response) = await ReadAsync(anonymous, CalendarPaths.Committee(Id));

        Assert.Equal(("2.0", "GREGORIAN", "PUBLISH"), (calendar["VERSION"], calendar["CALSCALE"], calendar["METHOD"]));
        Assert.Equal(IcsWriter.ProductId, calendar["PRODID"]);
        Assert.Equal($"{Name}: meetings and deadlines", calendar["X-WR-CALNAME"]);
        Assert.Equal(3, calendar.Events.Count);
        var meeting = Assert.Single(calendar.Events, e => e["SUMMARY"] == $"{Name}: meeting");
        Assert.Equal(Meeting, meeting.Start);
        Assert.Equal(("VALUE=DATE", "20260701"), (meeting.Property("DTEND").Parameters, meeting["DTEND"]));
        Assert.Equal("VALUE=DATE", meeting.Property("DTSTART").Parameters);
        Assert.Equal("0", meeting["SEQUENCE"]);
        Assert.Equal(new Uri(app.BaseAddress, CommitteePaths.Committee(Id)).ToString(), meeting["URL"]);
        var meetingUid = meeting["UID"];
        Assert.StartsWith($"committee-{Id}-meeting-", meetingUid);
        Assert.EndsWith($"@{host}", meetingUid);
        var due = Assert.Single(calendar.Events, e => e["UID"] == $"committee-{Id}-recommendation-{recommended.Recommendation.Id}-response@{host}");
        Assert.Equal(recommended.Recommendation.ResponseDue, due.Start);
        Assert.Equal($"Response due from Manchester University NHS Foundation Trust to {Name}", due["SUMMARY"]);
        Assert.Equal("The recommendation: Publish the discharge plan", due["DESCRIPTION"]);
        var answer = Assert.Single(calendar.Events, e => e["UID"] == $"committee-{Id}-question-{asked.Question.Id}-answer@{host}");
        Assert.Equal(Today.AddDays(7), answer.Start);
        Assert.Equal(new Uri(app.BaseAddress, CommitteeAddresses.Question(Id, asked.Question.Id)).ToString(), answer["URL"]);

        // A feed reader's ETag: the same bytes again, 304 to a reader that has them.
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, CalendarPaths.Committee(Id)))
        {
            conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            using var notModified = await anonymous.SendAsync(conditional, Cancel);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }

        // The page offers the calendar; its member sees a "Move" link for the meeting, and moves it.
        var page = await anonymous.GetStringAsync(CommitteePaths.Committee(Id), Cancel);
        Assert.Contains($"href=\"{CalendarPaths.Committee(Id)}\"", page);
        Assert.DoesNotContain("data-move-meeting", page);
        var member = c.People.ScrutinyMember;
        using var client = new FormClient(app);
        await client.SignInAsync(member.Email, member.Password);
        var meetingId = meetingUid[$"committee-{Id}-meeting-".Length..^$"@{host}".Length];
        Assert.Contains($"href=\"{CommitteePaths.MoveMeeting(Id, meetingId)}\"", await (await client.GetAsync(CommitteePaths.Committee(Id))).Content.ReadAsStringAsync(Cancel));
        var moved = await client.PostFormAsync(CommitteePaths.MoveMeeting(Id, meetingId), "move-meeting", ("meets-on", "2026-07-07"));
        Assert.Equal(HttpStatusCode.SeeOther, moved.StatusCode);
        // Another date added through the list form leaves the moved meeting's id alone.
        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostFormAsync(CommitteePaths.NewMeeting(Id), "meeting", ("meets-on", "2026-09-29"))).StatusCode);

        var (after, afterResponse) = await ReadAsync(anonymous, CalendarPaths.Committee(Id));
        Assert.NotEqual(response.Headers.ETag, afterResponse.Headers.ETag);
        var meetings = after.Events.Where(e => e["SUMMARY"] == $"{Name}: meeting").ToList();
        Assert.Equal(2, meetings.Count);
        var same = Assert.Single(meetings, e => e["UID"] == meetingUid);
        Assert.Equal((new DateOnly(2026, 7, 7), "1"), (same.Start, same["SEQUENCE"]));
        Assert.Equal(("20260708", true), (same["DTEND"], same.Properties.Any(p => p.Name == "LAST-MODIFIED")));
        Assert.DoesNotContain(after.Events, e => e.Start == Meeting);
        Assert.Equal("0", Assert.Single(meetings, e => e["UID"] != meetingUid)["SEQUENCE"]);

        var audit = Assert.Single(await app.Get<AuditSearch>().AllAsync(new AuditFilter(Action: CommitteeActions.MeetingMoved)));
        Assert.Equal(member.Person.Actor, audit.Actor);
        Assert.Contains("\"before\":\"2026-06-30\"", audit.Detail);
        Assert.Contains("\"after\":\"2026-07-07\"", audit.Detail);
    }

    [Fact]
    public async Task Moving_a_committee_meeting_is_refused_to_non_members_and_bad_input_is_named_and_writes_nothing()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);
        var meetingId = Assert.Single(await app.Get<CommitteeStore>().ListMeetingsAsync(Id)).Id;
        await app.Get<CommitteeStore>().SetMeetingsAsync(Id, [Meeting, new DateOnly(2026, 9, 29)], "test", DateTimeOffset.UtcNow);
        var path = CommitteePaths.MoveMeeting(Id, meetingId);
        foreach (var person in new[] { c.People.Submitter, c.People.BoardMember })
        {
            using var refused = new FormClient(app);
            await refused.SignInAsync(person.Email, person.Password);
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.GetAsync(path)).StatusCode);
            var posted = await refused.PostFormWithTokenFromAsync(CommitteePaths.Committee(Id), path, "move-meeting", ("meets-on", "2026-12-01"));
            Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        }
        using var member = new FormClient(app);
        await member.SignInAsync(c.People.ScrutinyMember.Email, c.People.ScrutinyMember.Password);
        Assert.Contains("href=\"#meets-on\">The new date must be a real date, written like 2026-09-30</a>",
            await (await member.PostFormAsync(path, "move-meeting", ("meets-on", "30/06/2026"))).Content.ReadAsStringAsync(Cancel));
        Assert.Contains("href=\"#meets-on\">The committee already meets on that date</a>",
            await (await member.PostFormAsync(path, "move-meeting", ("meets-on", "2026-09-29"))).Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(CommitteePaths.MoveMeeting(Id, "no-such-meeting"))).StatusCode);

        // The API: a member is a person with no key, and an agency's key does not speak for the committee.
        using var agency = BoardCase.Client(app, await app.Get<Silo.Security.ApiKeyStore>().CreateAsync(Agency, isAdmin: false));
        using var refusedPut = await agency.PutAsJsonAsync($"/api/v1/committees/{Id}/meetings/{meetingId}", new { on = "2026-12-01" }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refusedPut.StatusCode);

        Assert.Equal([Meeting, new DateOnly(2026, 9, 29)], (await app.Get<CommitteeStore>().FindAsync(Id))!.Meetings);
        Assert.Empty(await app.Get<AuditSearch>().AllAsync(new AuditFilter(Action: CommitteeActions.MeetingMoved)));
    }

    [Theory]
    [InlineData(StoreEngine.Sqlite)]
    [InlineData(StoreEngine.Postgres)]
    public async Task A_boards_calendar_has_its_meetings_and_milestones_and_a_meeting_moved_through_the_API_keeps_its_uid(StoreEngine engine)
    {
        await using var app = await DashboardApp.StartAsync(engine, new CapturingLogs());
        var c = await BoardCase.SeedAsync(app);
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        using var admin = BoardCase.Client(app, c.AdminKey);
        var host = app.BaseAddress.Host;

        var (calendar, _) = await ReadAsync(anonymous, CalendarPaths.Board(BoardCase.Board));
        Assert.Equal("Manchester Health and Wellbeing Board: meetings and milestones", calendar["X-WR-CALNAME"]);
        var meetings = calendar.Events.Where(e => e["SUMMARY"] == "Manchester Health and Wellbeing Board: meeting").ToList();
        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2027, 1, 15)], meetings.Select(e => e.Start));
        var milestone = Assert.Single(calendar.Events, e => e["SUMMARY"] == "Milestone due: Discharge-to-assess beds open");
        Assert.Equal(new DateOnly(2027, 2, 1), milestone.Start);
        Assert.StartsWith($"board-{BoardCase.Board}-commitment-{c.Discharges}-milestone-", milestone["UID"]);
        Assert.Equal(new Uri(app.BaseAddress, BoardPaths.Commitment(BoardCase.Board, c.Discharges)).ToString(), milestone["URL"]);
        Assert.Equal("A step of Cut delayed discharges, owned by Manchester City Council.", milestone["DESCRIPTION"]);
        Assert.Single(calendar.Events, e => e["SUMMARY"] == "Milestone due: One discharge team per hospital");
        Assert.Contains($"href=\"{CalendarPaths.Board(BoardCase.Board)}\"", await anonymous.GetStringAsync(BoardPaths.Board(BoardCase.Board), Cancel));

        // The API lists the meetings' ids; replacing the list keeps the id of a date that stays.
        var listed = await anonymous.GetFromJsonAsync<JsonElement[]>($"{BoardCase.Api}/meetings", Cancel);
        var october = listed!.Single(m => m.GetProperty("on").GetString() == "2026-10-01").GetProperty("id").GetString()!;
        Assert.Equal($"board-{BoardCase.Board}-meeting-{october}@{host}", meetings[0]["UID"]);
        using (var replaced = await admin.PutAsJsonAsync($"{BoardCase.Api}/details",
                   new { chair = "Cllr Bev Craig", meetings = new[] { "2026-10-01", "2027-03-01" } }, Cancel))
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        using var moved = await admin.PutAsJsonAsync($"{BoardCase.Api}/meetings/{october}", new { on = "2026-10-08" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var body = await moved.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal((october, "2026-10-08", 1), (body.GetProperty("id").GetString(), body.GetProperty("on").GetString(), body.GetProperty("moves").GetInt32()));

        var (after, _) = await ReadAsync(anonymous, CalendarPaths.Board(BoardCase.Board));
        var afterMeetings = after.Events.Where(e => e["SUMMARY"] == "Manchester Health and Wellbeing Board: meeting").ToList();
        Assert.Equal([new DateOnly(2026, 10, 8), new DateOnly(2027, 3, 1)], afterMeetings.Select(e => e.Start));
        Assert.Equal((meetings[0]["UID"], "1"), (afterMeetings[0]["UID"], afterMeetings[0]["SEQUENCE"]));
        Assert.DoesNotContain(after.Events, e => e["UID"] == meetings[1]["UID"]);
        var audit = Assert.Single(await app.Get<AuditSearch>().AllAsync(new AuditFilter(Action: BoardActions.MeetingMoved)));
        Assert.Contains($"\"meeting\":\"{october}\"", audit.Detail);

        // Refused to an agency's key (board members and administrators set the meetings), and to no key; bad input named.
        using var agency = BoardCase.Client(app, c.AgencyKey);
        using (var refused = await agency.PutAsJsonAsync($"{BoardCase.Api}/meetings/{october}", new { on = "2026-12-01" }, Cancel))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var unsigned = await anonymous.PutAsJsonAsync($"{BoardCase.Api}/meetings/{october}", new { on = "2026-12-01" }, Cancel))
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        using (var taken = await admin.PutAsJsonAsync($"{BoardCase.Api}/meetings/{october}", new { on = "2027-03-01" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
            Assert.Contains("\"on\"", await taken.Content.ReadAsStringAsync(Cancel));
        }
        using (var bad = await admin.PutAsJsonAsync($"{BoardCase.Api}/meetings/{october}", new { on = "8 October" }, Cancel))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        using (var unknown = await admin.PutAsJsonAsync($"{BoardCase.Api}/meetings/no-such-meeting", new { on = "2026-12-01" }, Cancel))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Single(await app.Get<AuditSearch>().AllAsync(new AuditFilter(Action: BoardActions.MeetingMoved)));

        // A milestone whose day moves keeps its UID and comes with a higher SEQUENCE: the calendar moves it, not copies it.
        Assert.Equal("0", milestone["SEQUENCE"]);
        var milestoneId = milestone["UID"].Split('@')[0].Split("-milestone-")[1];
        using (var later = await admin.PutAsJsonAsync($"{BoardCase.Api}/commitments/{c.Discharges}/milestones/{milestoneId}",
                   new { title = "Discharge-to-assess beds open", due = "2027-03-15", owner = BoardCase.Council }, Cancel))
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        var (third, _) = await ReadAsync(anonymous, CalendarPaths.Board(BoardCase.Board));
        var movedMilestone = Assert.Single(third.Events, e => e["SUMMARY"] == "Milestone due: Discharge-to-assess beds open");
        Assert.Equal((milestone["UID"], new DateOnly(2027, 3, 15), "1"), (movedMilestone["UID"], movedMilestone.Start, movedMilestone["SEQUENCE"]));
        Assert.Single(movedMilestone.Properties, p => p.Name == "LAST-MODIFIED");
    }

    [Theory]
    [InlineData(StoreEngine.Sqlite)]
    [InlineData(StoreEngine.Postgres)]
    public async Task A_board_member_moves_meetings_on_the_details_form_and_each_keeps_its_uid_even_two_swapping_days(StoreEngine engine)
    {
        await using var app = await DashboardApp.StartAsync(engine, new CapturingLogs());
        var c = await BoardCase.SeedAsync(app);
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        var (before, _) = await ReadAsync(anonymous, CalendarPaths.Board(BoardCase.Board));
        var uids = before.Events.Where(e => e["SUMMARY"].EndsWith(": meeting", StringComparison.Ordinal)).OrderBy(e => e.Start)
            .Select(e => e["UID"]).ToList();
        using var member = new FormClient(app);
        await member.SignInAsync(c.People.BoardMember.Email, c.People.BoardMember.Password);
        var form = await (await member.GetAsync(BoardPaths.EditDetails(BoardCase.Board))).Content.ReadAsStringAsync(Cancel);
        var ids = (await app.Get<Silo.Boards.BoardDetailsStore>().ListMeetingsAsync(BoardCase.Board)).Select(m => m.Id).ToList();
        Assert.Contains($"name=\"meetings-0-id\" value=\"{ids[0]}\"", form);

        // The two meetings swap days, and a third is added in a spare box.
        var saved = await member.PostFormAsync(BoardPaths.EditDetails(BoardCase.Board), "board-details", ("chair", "Cllr Bev Craig"),
            ("meetings-0", "2027-01-15"), ("meetings-0-id", ids[0]), ("meetings-1", "2026-10-01"), ("meetings-1-id", ids[1]), ("meetings-2", "2027-04-01"));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);

        var (after, _) = await ReadAsync(anonymous, CalendarPaths.Board(BoardCase.Board));
        var meetings = after.Events.Where(e => e["SUMMARY"].EndsWith(": meeting", StringComparison.Ordinal)).OrderBy(e => e.Start).ToList();
        Assert.Equal([(uids[1], new DateOnly(2026, 10, 1), "1"), (uids[0], new DateOnly(2027, 1, 15), "1")],
            meetings.Take(2).Select(e => (e["UID"], e.Start, e["SEQUENCE"])));
        Assert.Equal((new DateOnly(2027, 4, 1), "0"), (meetings[2].Start, meetings[2]["SEQUENCE"]));
        Assert.DoesNotContain(meetings[2]["UID"], uids);
        var audit = Assert.Single(await app.Get<AuditSearch>().AllAsync(new AuditFilter(Actor: c.People.BoardMember.Person.Actor, Action: BoardActions.DetailsSet)));
        Assert.Contains($"\"moved\":[{{\"meeting\":\"{ids[0]}\"", audit.Detail);

        // A forged id moves nothing: its box is a date like any other.
        Assert.Equal(HttpStatusCode.SeeOther, (await member.PostFormAsync(BoardPaths.EditDetails(BoardCase.Board), "board-details", ("chair", ""),
            ("meetings-0", "2026-10-01"), ("meetings-0-id", "not-a-meeting"), ("meetings-1", "2027-01-15"), ("meetings-1-id", ids[0]))).StatusCode);
        var (last, _) = await ReadAsync(anonymous, CalendarPaths.Board(BoardCase.Board));
        Assert.Equal([uids[1], uids[0]], last.Events.Where(e => e["SUMMARY"].EndsWith(": meeting", StringComparison.Ordinal)).OrderBy(e => e.Start).Select(e => e["UID"]));
    }

    [Fact]
    public async Task Hostile_text_is_escaped_and_folded_so_that_it_reads_back_whole()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);
        // Commas, semicolons, a backslash, newlines of both kinds, a control character, letters of two and four octets,
        // and 200 characters in all: a name that ends up in every event's summary.
        var hostile = ("Health; Care, \"Scrutiny\"\\ Committee\r\nDESCRIPTION:forged\nEND:VEVENT\u0007 é€ \U0001F3E5 " + new string('x', 200))[..200];
        await app.Get<CommitteeStore>().UpdateAsync(new Committee(Id, hostile, Manchester, Committee.DefaultResponseMonths, [Meeting]), "test", DateTimeOffset.UtcNow);
        await c.RecommendAsync("Keep, the; beds\\open\nnow", Mft);
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        var (calendar, _) = await ReadAsync(anonymous, CalendarPaths.Committee(Id));

        var expected = hostile.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\u0007", "", StringComparison.Ordinal);
        Assert.Equal($"{expected}: meetings and deadlines", calendar["X-WR-CALNAME"]);
        Assert.Equal(2, calendar.Events.Count);
        Assert.Equal($"{expected}: meeting", Assert.Single(calendar.Events, e => e.Start == Meeting)["SUMMARY"]);
        Assert.Equal("The recommendation: Keep, the; beds\\open\nnow", Assert.Single(calendar.Events, e => e.Start != Meeting)["DESCRIPTION"]);
    }

    [Fact]
    public void Folding_never_splits_a_character_whatever_octet_a_line_would_end_on()
    {
        // Four-, three- and two-octet characters after every length of prefix, so that some fall across each fold.
        var events = Enumerable.Range(0, 8).Select(i => new CalendarEvent($"e{i}", new DateOnly(2026, 1, 1 + i),
            new string('a', i) + string.Concat(Enumerable.Repeat("\U0001F3E5€é,", 30)), "", "/", 0, null)).ToList();

        var calendar = Ics.Parse(IcsWriter.Write(new Calendar("Folding", "/", events), "https://scrutiny.example", DateTimeOffset.UtcNow));

        Assert.Equal(events.Select(e => e.Summary), calendar.Events.Select(e => e["SUMMARY"]));
        Assert.Equal(events.Select(e => $"{e.Uid}@scrutiny.example"), calendar.Events.Select(e => e["UID"]));
    }

    [Fact]
    public async Task A_calendar_of_an_unknown_committee_board_or_agency_is_not_found()
    {
        await using var app = await DashboardApp.StartAsync();
        await TestCatalogue.SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        foreach (var path in new[] { CalendarPaths.Committee("no-such-committee"), CalendarPaths.Board("no-such-board") })
        {
            using var response = await anonymous.GetAsync(path, Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }
        using var admin = new FormClient(app);
        await admin.SignInAsync(people.Administrator.Email, people.Administrator.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(CalendarPaths.Agency("NOPE"))).StatusCode);
    }

    [Fact]
    public async Task An_agencys_calendar_has_its_returns_due_for_its_own_people_and_administrators_and_no_one_else()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);
        var path = CalendarPaths.Agency(Agency);

        using var submitter = new FormClient(app);
        await submitter.SignInAsync(c.People.Submitter.Email, c.People.Submitter.Password);
        using var response = await submitter.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal((true, true, false), (response.Headers.CacheControl?.Private, response.Headers.CacheControl?.NoCache, response.Headers.CacheControl?.Public));
        var calendar = Ics.Parse(await response.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("Manchester University NHS Foundation Trust: returns due", calendar["X-WR-CALNAME"]);
        var host = app.BaseAddress.Host;
        // Monthly admissions, due 30 days after the month: the last two months ended, this month and the next two.
        var month = new DateOnly(Today.Year, Today.Month, 1);
        var admissions = calendar.Events.Where(e => e["UID"].StartsWith($"agency-{Agency}-return-{Manchester}-{Admissions}-", StringComparison.Ordinal))
            .OrderBy(e => e.Start).ToList();
        Assert.Equal(Enumerable.Range(-2, 5).Select(i => month.AddMonths(i + 1).AddDays(29)), admissions.Select(e => e.Start));
        var current = $"{month:yyyy-MM}";
        Assert.Equal($"agency-{Agency}-return-{Manchester}-{Admissions}-{current}@{host}", admissions[2]["UID"]);
        Assert.StartsWith("Return due: ", admissions[2]["SUMMARY"]);
        Assert.EndsWith($", Manchester, {current}", admissions[2]["SUMMARY"]);
        Assert.Contains($"href=\"{path}\"", await (await submitter.GetAsync(AgencyPaths.OurReturns)).Content.ReadAsStringAsync(Cancel));

        using var admin = new FormClient(app);
        await admin.SignInAsync(c.People.Administrator.Email, c.People.Administrator.Password);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);

        // Another agency's people, board and committee members: 403; no one signed in: sent to sign in.
        foreach (var person in new[] { c.OtherAgency, c.People.BoardMember, c.People.ScrutinyMember })
        {
            using var other = new FormClient(app);
            await other.SignInAsync(person.Email, person.Password);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(path)).StatusCode);
        }
        using var anonymous = new FormClient(app);
        var unsigned = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, unsigned.StatusCode);
        Assert.Equal(AgencySignIn.SignInPath, unsigned.Headers.Location?.AbsolutePath);
    }

    private static async Task<(Ics Calendar, HttpResponseMessage Response)> ReadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (Ics.Parse(await response.Content.ReadAsByteArrayAsync(Cancel)), response);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Boards;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Email;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Committees;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Silo.Tests.Committees.CommitteesUnderTest;

namespace Scrutiny.Silo.Tests.Email;

/// <summary>
/// The weekly digest on both engines, as it arrives at a real SMTP server: one email a member of a committee and a
/// board, with a part for each, written once on the configured day however many nodes run it; none for someone who
/// turned it off or has nothing; and never a figure the public cannot see.
/// </summary>
public sealed class WeeklyDigestTests
{
    private const string BoardApi = $"/api/v1/boards/{Board}";
    private const string Admissions = "emergency-admissions-65plus";
    private const string Days = "delayed-discharge-days";
    private const string AdmissionsTitle = "Emergency hospital admissions of people aged 65 and over";
    private const string DaysTitle = "Days people spent in hospital after they were ready to leave";
    private const string ResidentText = "Why did my mother wait nine days to come home?";

    /// <summary>Monday 12 January 2026, two days after <see cref="CommitteesUnderTest.Start"/>: the default digest day.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 1, 12, 9, 0, 0, TimeSpan.Zero);

    [Theory, ClassData(typeof(Engines))]
    public async Task A_member_of_a_committee_and_a_board_gets_one_digest_of_both_once_on_the_digest_day_with_nothing_unpublished(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var people = c.Get<PeopleStore>();
        var cara = (await people.CreateAsync("cara@mcc.example.org", "Cara Singh", [PersonRole.Committee(CommitteeId), PersonRole.Board(Board)], "test")).Person!.Id;
        var bo = (await people.CreateAsync("bo@board.example.org", "Bo Reyes", [PersonRole.Board(Board)], "test")).Person!.Id;
        await c.Get<EmailPreferences>().SetAsync(bo, Enum.GetValues<EmailKind>().Where(k => k != EmailKind.WeeklyDigest).ToHashSet(), "test", c.Time.Now);
        var gone = (await people.CreateAsync("gone@mcc.example.org", "Gone Away", [PersonRole.Committee(CommitteeId)], "test")).Person!.Id;
        await people.DisableAsync(gone, "test");
        // Trafford's committee has had nothing happen and has nothing due.
        Assert.Equal(HttpStatusCode.Created, (await c.Api.PostAsync("/api/v1/committees", c.AdminKey,
            new { id = "trafford-scrutiny", name = "Trafford Scrutiny Committee", place = "E08000009" })).StatusCode);
        var dee = (await people.CreateAsync("dee@trafford.example.org", "Dee Moss", [PersonRole.Committee("trafford-scrutiny")], "test")).Person!.Id;

        // Friday 2 January, before the week: a question that is neither news nor due soon.
        c.Time.Now = new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.Zero);
        await AskAsync(c, "An old question about falls", "agency", "MFT", "2026-02-27");
        c.Time.Now = Start;

        // Saturday 10 January. Admissions are published on release, and December's is not released: it must not reach an email.
        await c.Api.Node.CatalogueWriter.SetScheduleAsync(new IndicatorSchedule(Admissions, 30, null, null, PublicationRule.OnRelease));
        await c.Api.SubmitAsync(
            new { place = Manchester, indicator = Admissions, period = "2025-12", numerator = 500, denominator = 61000 },
            new { place = Manchester, indicator = Days, period = "2025-12", numerator = 1400 });
        var toBoard = await c.MakeAsync(ToBoard());
        await AskAsync(c, "How many discharges waited over a week?", "agency", "MFT", "2026-01-15");
        await AskAsync(c, "When will the reablement budget be pooled?", "board", Board, "2026-01-20");
        Assert.True((await c.Get<ResidentSubmissions>().ReceiveAsync(CommitteeId,
            new ResidentSubmissionBody("question", ResidentText, "Sam Resident", "sam@example.org", null))).Value is not null);
        var commitment = await CommitmentAsync(c);
        Assert.Equal(HttpStatusCode.OK, (await c.Api.PutAsync($"{BoardApi}/details", c.AdminKey,
            new { chair = "Cllr Bev Craig", meetings = new[] { "2026-01-21", "2026-02-25" } })).StatusCode);
        await c.Get<CommitteeStore>().SetMeetingsAsync(CommitteeId, [new(2026, 1, 8), new(2026, 1, 22), new(2026, 3, 5)], "test", c.Time.Now);
        // Sunday 11 January: the board accepts the recommendation, to be in place by 23 January.
        c.Advance(1);
        Assert.Equal(HttpStatusCode.OK, (await c.Api.PutAsync($"{Base}/recommendations/{toBoard}/response", c.MccKey,
            new { decision = "accepted", reasons = "We will pool it", implementBy = "2026-01-23" })).StatusCode);

        // Not the digest's day: nothing written, nothing claimed.
        var digest = c.Get<WeeklyDigest>();
        Assert.Equal(0, await digest.RunAsync("node-a"));
        Assert.Equal(0, await c.Api.CountAsync($"SELECT COUNT(*) FROM email_job_runs WHERE job = '{WeeklyDigest.Job}'"));

        // Monday 08:00, before the digest is written: the next week's news.
        c.Time.Now = Monday.AddHours(-1);
        await AskAsync(c, "A question asked on the digest's day", "agency", "MFT", "2026-03-02");

        // Monday: two nodes at once, then again: one digest, for Cara alone.
        c.Time.Now = Monday;
        var runs = await Task.WhenAll(digest.RunAsync("node-a"), digest.RunAsync("node-b"));
        Assert.Equal([0, 1], runs.Order());
        Assert.Equal(0, await digest.RunAsync("node-a"));
        var row = Assert.Single(await DigestsAsync(c));
        Assert.Equal((cara, $"digest:2026-01-12:person:{cara}"), (row.PersonId!.Value, row.DedupeKey));

        // The unpublished value was in the week's news, for those entitled to it: the public's view the digest reads leaves it out.
        var window = new DigestWindow(DateOnly.FromDateTime(Monday.UtcDateTime));
        Assert.Contains(await c.Get<WhatChanged>().BetweenAsync(c.Get<DataViews>().Everything(), Manchester, ValueFormat.Of, window.From, window.To),
            e => e.IndicatorCode == Admissions);

        var message = await DeliverAsync(c);
        Assert.Equal("Weekly digest: 5 to 11 January 2026", message.Subject);
        Assert.Equal("cara@mcc.example.org", Assert.Single(message.To.Mailboxes).Address);
        var options = c.Get<EmailOptions>();
        Assert.Equal($"<{options.Link("/account/email")}>", message.Headers["List-Unsubscribe"]);
        var text = message.TextBody!;
        var html = message.HtmlBody!;

        // One part for the committee, then one for the board, each with its three headings.
        Assert.Contains("Dear Cara Singh,", text);
        var committeePart = Between(text, "Manchester Health Scrutiny Committee\n====================================", "Manchester Health and Wellbeing Board\n=====");
        var boardPart = Between(text, "Manchester Health and Wellbeing Board\n=====", "---\nYou are getting this email because");
        foreach (var part in new[] { committeePart, boardPart })
        {
            Assert.Contains("What changed\n------------", part);
            Assert.Contains("Statuses that moved\n-------------------", part);
            Assert.Contains("Deadlines ahead\n---------------", part);
            Assert.Contains(DaysTitle, part);
        }
        Assert.DoesNotContain(AdmissionsTitle, text);
        Assert.DoesNotContain(AdmissionsTitle, html);

        var recommendation = options.Link(CommitteeAddresses.Recommendation(CommitteeId, toBoard));
        Assert.Contains($"* Manchester Health Scrutiny Committee made a recommendation to Manchester Health and Wellbeing Board on 10 January 2026: Pool the reablement budget\n  {recommendation}", committeePart);
        Assert.Contains("* Manchester Health Scrutiny Committee asked Manchester University NHS Foundation Trust a question on 10 January 2026: How many discharges waited over a week?", committeePart);
        Assert.Contains($"* 1 question or suggestion from a resident received\n  {options.Link(CommitteeAddresses.Submissions(CommitteeId))}", committeePart);
        Assert.Contains("* Manchester Health and Wellbeing Board responded (agreed) to a recommendation on 11 January 2026: Pool the reablement budget", committeePart);
        Assert.Contains("* Manchester Health and Wellbeing Board said a recommendation would be in place by 23 January 2026: Pool the reablement budget", committeePart);
        Assert.Contains("* Committee meeting on 22 January 2026", committeePart);
        Assert.DoesNotContain("8 January 2026", committeePart);
        Assert.DoesNotContain("An old question", text);
        Assert.DoesNotContain("digest's day", text);
        Assert.DoesNotContain(ResidentText, text);
        Assert.DoesNotContain("Sam Resident", text);
        Assert.Contains("Due from 12 to 25 January 2026:", committeePart);
        Assert.Contains("* Answer due from Manchester University NHS Foundation Trust by 15 January 2026: How many discharges waited over a week?", committeePart);
        Assert.Contains($"Go to the page of Manchester Health Scrutiny Committee:\n{options.Link(CommitteeAddresses.Committee(CommitteeId))}", committeePart);

        Assert.Contains("* Cut delayed discharges is now at risk, since 10 January 2026", boardPart);
        Assert.Contains("Pool the reablement budget", boardPart);
        Assert.Contains("* Answer due from Manchester Health and Wellbeing Board by 20 January 2026: When will the reablement budget be pooled?", boardPart);
        Assert.Contains("* Milestone due by 19 January 2026: Discharge-to-assess beds open (Cut delayed discharges), owned by Manchester City Council", boardPart);
        Assert.Contains("* Board meeting on 21 January 2026", boardPart);
        Assert.DoesNotContain("25 February 2026", boardPart);
        Assert.Contains($"Go to the page of Manchester Health and Wellbeing Board:\n{options.Link($"/boards/{Board}")}", boardPart);
        // In time order: the milestone on the 19th, the answer on the 20th, the meeting on the 21st.
        Assert.True(boardPart.IndexOf("Milestone due by", StringComparison.Ordinal) < boardPart.IndexOf("Answer due from", StringComparison.Ordinal)
            && boardPart.IndexOf("Answer due from", StringComparison.Ordinal) < boardPart.IndexOf("Board meeting on", StringComparison.Ordinal));

        // The HTML: one h1, an h2 for each committee and board, an h3 for each part, lists, links that say where they go; nothing fetched.
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1"));
        Assert.Contains(">Manchester Health Scrutiny Committee</h2>", html);
        Assert.Contains(">Manchester Health and Wellbeing Board</h2>", html);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Matches(html, "<h3").Count);
        Assert.Contains($"<li><a href=\"{recommendation}\" style=\"color: #1d70b8;\">Manchester Health Scrutiny Committee made a recommendation", html);
        Assert.Contains($"<a href=\"{options.Link(BoardAddresses.Commitment(Board, commitment))}\"", html);
        Assert.DoesNotContain("<img", html);

        // Tuesday: not the day. On 1 June nothing happened in the week and nothing is due: no digest for anyone.
        c.Time.Now = Monday.AddDays(1);
        Assert.Equal(0, await digest.RunAsync("node-a"));
        c.Time.Now = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(DayOfWeek.Monday, c.Time.Now.DayOfWeek);
        Assert.Equal(0, await digest.RunAsync("node-a"));
        Assert.Single(await DigestsAsync(c));
        Assert.DoesNotContain(await DigestsAsync(c), r => r.PersonId == bo || r.PersonId == gone || r.PersonId == dee);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task The_digest_is_written_on_the_configured_day_only(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var cara = (await c.Get<PeopleStore>().CreateAsync("cara@mcc.example.org", "Cara Singh", [PersonRole.Committee(CommitteeId)], "test")).Person!.Id;
        await c.MakeAsync(ToAgency("MFT"));
        var node = c.Get<EmailOptions>();
        var options = new EmailOptions { SiteAddress = node.SiteAddress, DigestDay = DayOfWeek.Tuesday }.Checked();
        var onTuesdays = new WeeklyDigest(c.Get<DigestSections>(), c.Get<DailyEmailJobs>(), c.Get<Database>(), options, c.Time);

        c.Time.Now = Monday;
        Assert.Equal(0, await onTuesdays.RunAsync("node-a"));
        c.Time.Now = Monday.AddDays(1);
        Assert.Equal(1, await onTuesdays.RunAsync("node-a"));
        Assert.Equal($"digest:2026-01-13:person:{cara}", Assert.Single(await DigestsAsync(c)).DedupeKey);

        // The next Tuesday no node ran (every one was down): Wednesday writes that week's digest, late, once.
        c.Time.Now = Monday.AddDays(2);
        await c.MakeAsync(ToAgency("MFT", "Publish the winter plan"));
        c.Time.Now = Monday.AddDays(9);
        Assert.Equal(DayOfWeek.Wednesday, c.Time.Now.DayOfWeek);
        Assert.Equal(1, await onTuesdays.RunAsync("node-a"));
        Assert.Equal(0, await onTuesdays.RunAsync("node-b"));
        Assert.Equal($"digest:2026-01-20:person:{cara}", (await DigestsAsync(c))[^1].DedupeKey);
        // Past the catch-up days a missed week is left: it would land beside the next week's.
        c.Time.Now = Monday.AddDays(10);
        await c.MakeAsync(ToAgency("MFT", "Publish the spring plan"));
        c.Time.Now = Monday.AddDays(18);
        Assert.Equal(DayOfWeek.Friday, c.Time.Now.DayOfWeek);
        Assert.Equal(0, await onTuesdays.RunAsync("node-a"));
        Assert.Equal(2, (await DigestsAsync(c)).Count);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_running_node_with_a_mail_server_sends_the_digest_on_its_day(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using (var first = await CommitteesUnderTest.StartOnAsync(database, seed: true))
        {
            await first.Get<PeopleStore>().CreateAsync("cara@mcc.example.org", "Cara Singh", [PersonRole.Committee(CommitteeId)], "test");
            await first.MakeAsync(ToAgency("MFT"));
        }

        // The node as deployed: its reminder schedule writes the digest on the day, its sender sends it.
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var node = await TestNode.StartAsync(database, new Dictionary<string, string?>
        {
            ["Scrutiny:Email:Smtp:Host"] = "127.0.0.1",
            ["Scrutiny:Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scrutiny:Email:Smtp:UseTls"] = "false",
            ["Scrutiny:Email:Smtp:From"] = "scrutiny@example.gov.uk",
            ["Scrutiny:Email:PollSeconds"] = "0.2",
        }, new People.ManualTime(Monday));

        MimeMessage? digest = null;
        for (var i = 0; i < 150 && digest is null; i++)
        {
            digest = smtp.Received.FirstOrDefault(m => m.Subject == "Weekly digest: 5 to 11 January 2026");
            if (digest is null) await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        Assert.NotNull(digest);
        Assert.Equal("cara@mcc.example.org", Assert.Single(digest.To.Mailboxes).Address);
        Assert.Contains("* Manchester Health Scrutiny Committee made a recommendation to Manchester University NHS Foundation Trust on 10 January 2026: " +
            "Publish a discharge-to-assess plan for winter", digest.TextBody);
        // A part says so when one of its three has nothing.
        Assert.Contains("What changed\n------------\n\nNo new figures were published.", digest.TextBody);
        Assert.Contains("Nothing is due from 12 to 25 January 2026.", digest.TextBody);
    }

    [Fact]
    public void The_digest_day_is_a_day_of_the_week_named_in_the_configuration()
    {
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Scrutiny:Email:DigestDay"] = "Friday" }).Build();
        Assert.Equal(DayOfWeek.Friday, configured.GetSection(EmailOptions.Section).Get<EmailOptions>()!.Checked().DigestDay);
        Assert.Equal(DayOfWeek.Monday, new EmailOptions().Checked().DigestDay);
        var refused = Assert.Throws<InvalidOperationException>(() => new EmailOptions { DigestDay = (DayOfWeek)9 }.Checked());
        Assert.Contains("Scrutiny:Email:DigestDay", refused.Message);
    }

    /// <summary>A board commitment measured by both indicators, with a milestone due on 19 January, its status overridden to at risk; its id.</summary>
    private static async Task<string> CommitmentAsync(CommitteesUnderTest c)
    {
        var created = await c.Api.PostAsync($"{BoardApi}/commitments", c.MftKey, new
        {
            title = "Cut delayed discharges", result = "Older people live well at home", indicators = new[] { Days, Admissions },
            baseline = new { value = 1500, date = "2025-06-01" }, target = new { value = 1000, date = "2026-12-31" },
            leadAgency = "MFT", contributingAgencies = new[] { "MCC" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await c.Api.PostAsync($"{BoardApi}/commitments/{id}/milestones", c.MftKey,
            new { title = "Discharge-to-assess beds open", due = "2026-01-19", owner = "MCC" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Api.PutAsync($"{BoardApi}/commitments/{id}/override", c.AdminKey,
            new { status = "at_risk", reason = "Winter pressures" })).StatusCode);
        return id;
    }

    private static async Task AskAsync(CommitteesUnderTest c, string text, string kind, string code, string dueOn) =>
        Assert.Equal(HttpStatusCode.Created, (await c.Api.PostAsync($"{Base}/questions", c.AdminKey,
            new { text, addressee = new { kind, code }, dueOn })).StatusCode);

    private static async Task<IReadOnlyList<OutboxEntry>> DigestsAsync(CommitteesUnderTest c) =>
        [.. (await c.Get<OutboxStore>().ListAsync()).Where(r => r.Kind == CatalogueNames.Name(EmailKind.WeeklyDigest))];

    /// <summary>Sends the outbox to a real SMTP server; the one digest it received.</summary>
    private static async Task<MimeMessage> DeliverAsync(CommitteesUnderTest c)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var delivery = new OutboxDelivery(c.Get<OutboxStore>(), smtp.Options(), c.Time, NullLogger<OutboxDelivery>.Instance);
        while (await delivery.RunOnceAsync("node-a", TestContext.Current.CancellationToken) > 0) { }
        return Assert.Single(smtp.Received, m => m.Subject?.StartsWith("Weekly digest", StringComparison.Ordinal) == true);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not in the email:\n{text}");
        var to = text.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        Assert.True(to >= 0, $"'{end}' does not follow '{start}':\n{text}");
        return text[from..to];
    }
}

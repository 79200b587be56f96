using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Silo.Tests.Committees.CommitteesUnderTest;

namespace Scrutiny.Silo.Tests.Committees;

/// <summary>Each reader's inbox: what is due or overdue for them by role, the notifications sent to them, and questions to partners.</summary>
public sealed class CommitteeInboxTests
{
    private static IEnumerable<(string Id, string Action, bool Overdue)> Items(Inbox inbox) =>
        inbox.Items.Select(i => (i.Id, CatalogueName(i.Action), i.Overdue));

    private static string CatalogueName(InboxAction action) => Scrutiny.Grains.Catalogue.CatalogueNames.Name(action);

    [Theory, ClassData(typeof(Engines))]
    public async Task Each_role_sees_what_is_due_or_overdue_for_it(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var toMft = await c.MakeAsync(ToAgency("MFT"));
        var toBoard = await c.MakeAsync(ToBoard());
        var toMcc = await c.MakeAsync(ToAgency("MCC"));
        var inbox = c.Get<CommitteeInbox>();

        // MFT's key: its own recommendation and its board's, each to respond to; MFT's notification and the board's.
        var mft = await c.GetJsonAsync("/api/v1/inbox", c.MftKey);
        // Both due the same day, so in id order (ids are random).
        Assert.Equal(new[] { (toBoard, "respond"), (toMft, "respond") }.Order(), mft.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("id").GetString()!, i.GetProperty("action").GetString()!)));
        Assert.Equal(2, mft.GetProperty("notifications").GetArrayLength());
        Assert.Contains("respond by 2026-03-10", mft.GetProperty("notifications")[0].GetProperty("subject").GetString());
        // GMP sits on no board and was asked nothing.
        Assert.Equal(0, (await c.GetJsonAsync("/api/v1/inbox", c.GmpKey)).GetProperty("items").GetArrayLength());
        // A board member (a person): the board's only.
        Assert.Equal([(toBoard, "respond", false)], Items(await inbox.ForAsync(BoardMember)));
        // The committee member: nothing yet to review or chase.
        Assert.Empty((await inbox.ForAsync(CommitteeMember)).Items);

        // Responses come in; MCC's goes unanswered past its due day.
        await c.Api.PutAsync($"{Base}/recommendations/{toMft}/response", c.MftKey, new { decision = "rejected", reasons = "Not ours to do" });
        await c.Api.PutAsync($"{Base}/recommendations/{toBoard}/response", c.MccKey, new { decision = "accepted", reasons = "Yes", implementBy = "2026-12-31" });
        c.Time.Now = new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero);

        var member = await inbox.ForAsync(CommitteeMember);
        Assert.Equal([(toMcc, "chase", true), (toMft, "review", false)], Items(member));
        Assert.Equal(2, member.Notifications.Count);
        Assert.All(member.Notifications, n => Assert.Equal(new Recipient(RecipientKind.Committee, CommitteeId), n.Recipient));
        // In words, as the pages say them, never the API's names (the subject is an email's too).
        Assert.Contains(member.Notifications, n => n.Subject.StartsWith("Manchester University NHS Foundation Trust responded (did not agree): ", StringComparison.Ordinal));
        Assert.Contains(member.Notifications, n => n.Subject.Contains(" responded (agreed): ", StringComparison.Ordinal));
        // Overdue first for MCC: its own response; then the board's implementation to report on.
        var mcc = await c.GetJsonAsync("/api/v1/inbox", c.MccKey);
        Assert.Equal([(toMcc, "respond", true), (toBoard, "report_implementation", false)], mcc.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("id").GetString()!, i.GetProperty("action").GetString()!, i.GetProperty("overdue").GetBoolean())));
        // An administrator chases and reviews for every committee.
        Assert.Equal(Items(member), Items(await inbox.ForAsync(Person(9, System.Security.Claims.ClaimTypes.Role, ScrutinyAuth.AdminRole))));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_question_is_answered_by_its_addressee_only_and_is_overdue_until_then(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var asked = await c.Api.PostAsync($"{Base}/questions", c.AdminKey,
            new { text = "How many discharge-to-assess beds are open?", addressee = new { kind = "board", code = Board }, dueOn = "2026-01-24" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var id = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal([(id, "answer", false)], Items(await c.Get<CommitteeInbox>().ForAsync(BoardMember)));

        c.Advance(15);
        Assert.Equal("overdue", Assert.Single((await c.GetJsonAsync($"{Base}/questions", c.GmpKey)).EnumerateArray()).GetProperty("state").GetString());
        Assert.Equal([(id, "chase", true)], Items(await c.Get<CommitteeInbox>().ForAsync(CommitteeMember)));

        var answer = new { answer = "Twelve, at Withington" };
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Api.PutAsync($"{Base}/questions/{id}/answer", c.GmpKey, answer)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Api.PutAsync($"{Base}/questions/{id}/answer", c.AdminKey, answer)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await c.Api.PutAsync($"{Base}/questions/{id}/answer", c.MftKey, new { answer = " " })).StatusCode);
        var answered = await c.Api.PutAsync($"{Base}/questions/{id}/answer", c.MftKey, answer);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("answered", (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await c.Api.PutAsync($"{Base}/questions/{id}/answer", c.MccKey, answer)).StatusCode);

        Assert.Empty((await c.Get<CommitteeInbox>().ForAsync(CommitteeMember)).Items);
        Assert.Contains((await c.Get<CommitteeInbox>().ForAsync(CommitteeMember)).Notifications, n => n.Subject.StartsWith("manchester-hwb answered", StringComparison.Ordinal));
        foreach (var action in new[] { CommitteeActions.QuestionAsked, CommitteeActions.QuestionAnswered })
            Assert.Equal(1, await c.Api.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND subject = 'committee:{CommitteeId}/{id}'"));
    }

    [Fact]
    public async Task A_notification_is_marked_read_by_its_recipients_only_and_the_read_is_audited()
    {
        await using var c = await CommitteesUnderTest.StartAsync(StoreEngine.Sqlite);
        await c.MakeAsync(ToAgency("MFT"));
        var notification = (await c.GetJsonAsync("/api/v1/inbox", c.MftKey)).GetProperty("notifications")[0];
        var id = notification.GetProperty("id").GetInt64();
        Assert.Equal(JsonValueKind.Null, notification.GetProperty("readAt").ValueKind);

        Assert.Equal(HttpStatusCode.NotFound, (await c.Api.PostAsync($"/api/v1/inbox/notifications/{id}/read", c.GmpKey, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.Api.PostAsync($"/api/v1/inbox/notifications/{id}/read", c.MftKey, new { })).StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await c.GetJsonAsync("/api/v1/inbox", c.MftKey)).GetProperty("notifications")[0].GetProperty("readAt").ValueKind);
        Assert.Equal(1, await c.Api.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = '{CommitteeActions.NotificationRead}' AND subject = 'agency:MFT'"));
    }
}

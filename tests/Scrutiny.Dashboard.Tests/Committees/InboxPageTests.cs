using System.Net;
using System.Text.RegularExpressions;
using Scrutiny.Dashboard.Committees;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Committees;
using static Scrutiny.Dashboard.Tests.Committees.CommitteeCase;

namespace Scrutiny.Dashboard.Tests.Committees;

/// <summary>Each person's inbox: what is due or overdue for the bodies they speak for and their committees, and their notifications.</summary>
public sealed partial class InboxPageTests
{
    [Fact]
    public async Task Each_role_sees_what_is_asked_of_it_and_marks_its_notifications_read()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);
        var late = (await c.RecommendAsync("Answer the waiting-list letter", Mft, overdue: true)).Recommendation.Id;
        var question = (await c.AskAsync("How many beds are blocked each week?", HealthBoard, Today.AddDays(7))).Question.Id;

        // The agency's submitter: respond (overdue, first) for the agency, answer for the board it sits on.
        using var submitter = await SignedInAsync(app, c.People.Submitter);
        var page = await InboxAsync(submitter);
        Assert.Equal([(late, "respond"), (question, "answer")], Items(page));
        Assert.Matches($"class=\"govuk-table__row app-overdue\" data-inbox-item=\"{late}\"", page);
        Assert.Equal(2, Unread(page).Count);
        Assert.Contains("Inbox (4)", page);

        // The board's member: the question to the board only.
        using var boardMember = await SignedInAsync(app, c.People.BoardMember);
        page = await InboxAsync(boardMember);
        Assert.Equal([(question, "answer")], Items(page));
        Assert.Single(Unread(page));

        // The committee's member and an administrator: chase what is overdue; nothing to answer themselves.
        foreach (var person in new[] { c.People.ScrutinyMember, c.People.Administrator })
        {
            using var client = await SignedInAsync(app, person);
            page = await InboxAsync(client);
            Assert.Equal([(late, "chase")], Items(page));
            Assert.Contains("Inbox (1)", page);
        }

        // Another agency: nothing.
        using var other = await SignedInAsync(app, c.OtherAgency);
        page = await InboxAsync(other);
        Assert.Empty(Items(page));
        Assert.Contains("Nothing is due for you.", page);
        Assert.Contains("Inbox (0)", page);

        // Marking read: the submitter's own notification, not another's.
        var first = Unread(await InboxAsync(submitter))[0];
        var refused = await other.PostFormAsync(CommitteePaths.Inbox, "read", ("notification", first));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose one of your notifications to mark as read", await refused.Content.ReadAsStringAsync());
        var read = await submitter.PostFormAsync(CommitteePaths.Inbox, "read", ("notification", first));
        Assert.Equal(HttpStatusCode.SeeOther, read.StatusCode);
        page = await InboxAsync(submitter);
        Assert.Contains($"data-notification=\"{first}\" data-read=\"true\"", page);
        Assert.DoesNotContain(first, Unread(page));
        Assert.Contains("Inbox (3)", page);
        var recipients = await app.Get<CommitteeInbox>().RecipientsAsync(As(c.People.Submitter));
        Assert.Single((await app.Get<InboxStore>().ListAsync(recipients)), n => n.ReadAt is not null);
    }

    [Fact]
    public async Task The_inbox_is_for_people_signed_in()
    {
        await using var app = await DashboardApp.StartAsync();
        using var anonymous = new FormClient(app);
        var response = await anonymous.GetAsync(CommitteePaths.Inbox);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/sign-in", response.Headers.Location?.OriginalString);
    }

    private static async Task<FormClient> SignedInAsync(DashboardApp app, TestPerson person)
    {
        var client = new FormClient(app);
        await client.SignInAsync(person.Email, person.Password);
        return client;
    }

    private static async Task<string> InboxAsync(FormClient client)
    {
        var response = await client.GetAsync(CommitteePaths.Inbox);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<(string Id, string Action)> Items(string page) =>
        [.. ItemPattern().Matches(page).Select(m => (m.Groups["id"].Value, m.Groups["action"].Value))];

    private static List<string> Unread(string page) => [.. UnreadPattern().Matches(page).Select(m => m.Groups["id"].Value)];

    [GeneratedRegex("data-inbox-item=\"(?<id>[^\"]+)\" data-inbox-action=\"(?<action>[^\"]+)\"")]
    private static partial Regex ItemPattern();

    [GeneratedRegex("data-notification=\"(?<id>\\d+)\" data-read=\"false\"")]
    private static partial Regex UnreadPattern();
}

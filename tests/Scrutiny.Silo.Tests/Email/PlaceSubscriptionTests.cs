using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Email;
using Scrutiny.Silo.Email.Subscriptions;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Committees;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Silo.Tests.Committees.CommitteesUnderTest;

namespace Scrutiny.Silo.Tests.Email;

/// <summary>
/// Residents' emails about a place (minimal catalogue, Manchester), on both engines, with the messages received by a
/// real SMTP server: one link to confirm a day, confirmed once; a daily email of what the public may see, once however
/// many nodes run it, never an unpublished value; ended by the link in any email, and what waited is then not sent.
/// </summary>
public sealed partial class PlaceSubscriptionTests
{
    private const string Delayed = "delayed-discharge-days";
    private const string Admissions = "emergency-admissions-65plus";

    [Theory, ClassData(typeof(Engines))]
    public async Task One_link_a_day_confirms_once_and_a_confirmed_address_is_sent_nothing_more(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var subscriptions = c.Get<PlaceSubscriptions>();
        await using var smtp = await TestSmtpServer.StartAsync();

        Assert.Equal("email", Assert.Single(await subscriptions.RequestAsync(Manchester, "not an address")).Field);
        Assert.Equal("email", Assert.Single(await subscriptions.RequestAsync(Manchester, "  ")).Field);
        Assert.Equal("place", Assert.Single(await subscriptions.RequestAsync("E99999999", "res@example.org")).Field);
        Assert.Empty(await subscriptions.RequestAsync(Manchester, "Res@Example.org"));
        Assert.Empty(await subscriptions.RequestAsync(Manchester, "res@example.org")); // the same address: no second email today
        var first = Assert.Single(await DeliverAsync(c, smtp));
        Assert.Equal("Res@Example.org", Assert.Single(first.To.Mailboxes).Address);
        Assert.Equal("Confirm you want emails about new figures for Manchester", first.Subject);
        Assert.DoesNotContain("Dear", first.TextBody);
        Assert.DoesNotContain("<img", first.HtmlBody);
        var firstToken = Token(first.TextBody);

        // Asked for at the same moment from two places at once (a double click on two nodes): one subscription, no error.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => subscriptions.RequestAsync("E08000009", "twice@example.org")));
        Assert.Equal(1, await c.Api.CountAsync("SELECT COUNT(*) FROM place_subscriptions WHERE email_key = 'twice@example.org'"));
        Assert.Single(await DeliverAsync(c, smtp));

        // The next day, asked again: a second link, and both work until one is used.
        c.Advance(1);
        Assert.Empty(await subscriptions.RequestAsync(Manchester, "res@example.org"));
        var secondToken = Token(Assert.Single(await DeliverAsync(c, smtp)).TextBody);
        Assert.Equal(1, await c.Api.CountAsync($"SELECT COUNT(*) FROM place_subscriptions WHERE place_code = '{Manchester}'"));
        Assert.False((await subscriptions.FindAsync(secondToken, PlaceSubscriptions.ConfirmPurpose))!.Confirmed);
        Assert.Null(await subscriptions.FindAsync(secondToken, PlaceSubscriptions.UnsubscribePurpose)); // a link does one thing
        Assert.Null(await subscriptions.ConfirmAsync((secondToken[0] == 'A' ? "B" : "A") + secondToken[1..])); // one letter wrong
        Assert.Null(await subscriptions.ConfirmAsync("not a token"));
        var confirmed = await subscriptions.ConfirmAsync(secondToken);
        Assert.Equal((Manchester, true), (confirmed!.PlaceCode, confirmed.Confirmed));
        Assert.Null(await subscriptions.ConfirmAsync(secondToken));
        Assert.Null(await subscriptions.ConfirmAsync(firstToken));

        // Subscribed: asking again sends nothing, and the asker is told the same as before.
        c.Advance(1);
        Assert.Empty(await subscriptions.RequestAsync(Manchester, "RES@example.org"));
        Assert.Empty(await DeliverAsync(c, smtp));

        // The audit says what happened to which subscription, by "resident", and never holds the address; the store keeps only tokens' hashes.
        var audit = (await QueryAsync<(string Actor, string Action, string Detail)>(c,
            "SELECT actor, action, detail FROM audit_log WHERE subject LIKE 'subscription:%' ORDER BY id")).ToList();
        Assert.Equal(["subscription_requested", "subscription_requested", "subscription_confirmed"], audit.Where(a => a.Actor == "resident").Select(a => a.Action));
        Assert.All(audit, a => Assert.DoesNotContain("example.org", a.Detail, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await c.Api.CountAsync($"SELECT COUNT(*) FROM subscription_tokens WHERE token_hash = '{secondToken}' OR token_hash = '{firstToken}'"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task An_address_gets_a_few_links_a_day_and_an_unconfirmed_one_is_deleted_when_its_links_expire(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var subscriptions = c.Get<PlaceSubscriptions>();
        await c.Api.Node.CatalogueWriter.UpsertPlacesAsync([.. Enumerable.Range(10, 6).Select(i => new Place($"E080000{i}", $"Borough {i}", "metropolitan_borough", "E47000001"))]);
        foreach (var i in Enumerable.Range(10, 6)) Assert.Empty(await subscriptions.RequestAsync($"E080000{i}", "flooded@example.org"));
        Assert.Equal(PlaceSubscriptions.ConfirmationsPerAddressPerDay, await c.Api.CountAsync("SELECT COUNT(*) FROM outbox_messages"));

        // Six days on, one place's link is asked for again (a new link, good for 7 days): only the others go after 7 days.
        c.Advance(6);
        Assert.Empty(await subscriptions.RequestAsync("E08000010", "flooded@example.org"));
        c.Advance(2);
        Assert.Equal(5, await subscriptions.DeleteUnconfirmedAsync());
        Assert.Equal(["E08000010"], await QueryAsync<string>(c, "SELECT place_code FROM place_subscriptions"));
        c.Advance(6);
        Assert.Equal(1, await subscriptions.DeleteUnconfirmedAsync());
        Assert.Equal(0, await c.Api.CountAsync("SELECT COUNT(*) FROM place_subscriptions"));
        Assert.Equal(0, await c.Api.CountAsync("SELECT COUNT(*) FROM subscription_tokens"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task New_published_figures_go_once_a_day_to_confirmed_subscribers_and_nothing_unpublished_ever_does(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        await c.Api.Node.CatalogueWriter.SetScheduleAsync(new IndicatorSchedule(Admissions, 45, LockDays: null, Target: null, PublicationRule.OnRelease));
        var subscriptions = c.Get<PlaceSubscriptions>();
        var updates = c.Get<PlaceUpdates>();
        await using var smtp = await TestSmtpServer.StartAsync();
        // A value that is public before anyone subscribes is not news to them.
        await c.Api.SubmitAsync(new { place = Manchester, indicator = Delayed, period = "2025-10", numerator = 50 });
        c.Advance(1);
        await SubscribeAsync(c, smtp, "res@example.org");
        await subscriptions.RequestAsync(Manchester, "never.confirmed@example.org");
        await DeliverAsync(c, smtp);

        // An hour on: November's days are published on acceptance; November's admissions wait for a release.
        c.Time.Now = c.Time.Now.AddHours(1);
        await c.Api.SubmitAsync(
            new { place = Manchester, indicator = Delayed, period = "2025-11", numerator = 40 },
            new { place = Manchester, indicator = Admissions, period = "2025-11", numerator = 300, denominator = 60000 });
        c.Advance(1);
        var runs = await Task.WhenAll(updates.RunAsync("node-a"), updates.RunAsync("node-b"));
        Assert.Equal(1, runs.Sum()); // one node ran the day, and wrote one email
        Assert.Equal(0, await updates.RunAsync("node-a"));
        var email = Assert.Single(await DeliverAsync(c, smtp));
        Assert.Equal("res@example.org", Assert.Single(email.To.Mailboxes).Address);
        Assert.Equal("New figure for Manchester: Days people spent in hospital after they were ready to leave", email.Subject);
        Assert.Contains("A new figure for Manchester has been published in Scrutiny.", email.TextBody);
        Assert.Contains("* Days people spent in hospital after they were ready to leave fell to 40 in November 2025", email.TextBody);
        Assert.DoesNotContain("Emergency hospital admissions", email.TextBody);
        Assert.DoesNotContain("October 2025", email.TextBody);
        Assert.DoesNotContain("<img", email.HtmlBody);
        var unsubscribe = email.Headers["List-Unsubscribe"]!;
        Assert.Matches("^<http://localhost:5080/subscriptions/unsubscribe\\?token=[A-Za-z0-9_-]{43}>$", unsubscribe); // the node's SiteAddress
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(unsubscribe.Trim('<', '>'), email.HtmlBody ?? "");

        // The release makes November's admissions public: the next day's email has them, and only them.
        Assert.Equal(System.Net.HttpStatusCode.Created,
            (await c.Api.PostAsync($"/api/v1/indicators/{Admissions}/releases", c.AdminKey, new { period = "2025-11" })).StatusCode);
        c.Advance(1);
        Assert.Equal(1, await updates.RunAsync("node-a"));
        var released = Assert.Single(await DeliverAsync(c, smtp));
        Assert.Contains("* Emergency hospital admissions of people aged 65 and over", released.TextBody);
        Assert.Contains("in November 2025", released.TextBody);
        Assert.DoesNotContain("Days people spent", released.TextBody);

        // A day with nothing new: no email.
        c.Advance(1);
        Assert.Equal(0, await updates.RunAsync("node-a"));

        // December's value is written to the outbox; the resident unsubscribes (one click, with the first email's
        // link) before it goes: it is dropped, and the address is gone from the store.
        await c.Api.SubmitAsync(new { place = Manchester, indicator = Delayed, period = "2025-12", numerator = 30 });
        c.Advance(1);
        Assert.Equal(1, await updates.RunAsync("node-a"));
        var ended = await subscriptions.EndAsync(TokenIn(unsubscribe), "one_click");
        Assert.Equal(Manchester, ended!.PlaceCode);
        Assert.Null(await subscriptions.EndAsync(TokenIn(unsubscribe), "one_click"));
        Assert.Empty(await DeliverAsync(c, smtp));
        Assert.Single(await c.Get<OutboxStore>().ListAsync(), m => m.DroppedAt is not null && m.LastError == "the resident ended the subscription");
        Assert.Equal(["never.confirmed@example.org"], await QueryAsync<string>(c, "SELECT email FROM place_subscriptions"));
        Assert.Single(await QueryAsync<string>(c, "SELECT detail FROM audit_log WHERE action = 'subscription_ended'"), d => d.Contains("one_click"));
    }

    /// <summary>Asks, receives the link, confirms.</summary>
    private static async Task SubscribeAsync(CommitteesUnderTest c, TestSmtpServer smtp, string email)
    {
        Assert.Empty(await c.Get<PlaceSubscriptions>().RequestAsync(Manchester, email));
        var link = Assert.Single(await DeliverAsync(c, smtp), m => m.To.Mailboxes.Single().Address == email);
        Assert.NotNull(await c.Get<PlaceSubscriptions>().ConfirmAsync(Token(link.TextBody)));
    }

    /// <summary>Sends what the outbox holds; the messages the server received in this call.</summary>
    private static async Task<IReadOnlyList<MimeMessage>> DeliverAsync(CommitteesUnderTest c, TestSmtpServer smtp)
    {
        var before = smtp.Received.Count;
        var delivery = new OutboxDelivery(c.Get<OutboxStore>(), smtp.Options(), c.Time, NullLogger<OutboxDelivery>.Instance);
        while (await delivery.RunOnceAsync("node-a", TestContext.Current.CancellationToken) > 0) { }
        return [.. smtp.Received.Skip(before)];
    }

    private static string Token(string? body) => LinkToken().Match(body ?? "") is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("No link in: " + body);

    private static string TokenIn(string header) => Token(header);

    private static async Task<IEnumerable<T>> QueryAsync<T>(CommitteesUnderTest c, string sql)
    {
        await using var connection = await c.Get<Database>().OpenAsync();
        return (await connection.QueryAsync<T>(sql)).ToList();
    }

    [GeneratedRegex("token=([A-Za-z0-9_-]{43})")]
    private static partial Regex LinkToken();
}

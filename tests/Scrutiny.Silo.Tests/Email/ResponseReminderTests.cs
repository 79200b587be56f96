using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Scrutiny.Silo.Email;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Committees;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Silo.Tests.Committees.CommitteesUnderTest;

namespace Scrutiny.Silo.Tests.Email;

/// <summary>
/// The daily check for responses and answers owed: due within a week, then overdue, one email each to each person
/// who speaks for the addressee, however many times and on however many nodes the check runs.
/// </summary>
public sealed class ResponseReminderTests
{
    [Theory, ClassData(typeof(Engines))]
    public async Task Due_soon_then_overdue_each_once_to_the_addressees_people(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var made = await c.Get<PeopleStore>().CreateAsync("ana@mft.example.org", "Ana Okafor", [PersonRole.Agency("MFT")], "test");
        var ana = made.Person!.Id;
        // 10 January: a recommendation due on 10 March, a question due on 15 January, both to MFT.
        var recommendation = await c.MakeAsync(ToAgency("MFT"));
        var asked = await c.Api.PostAsync($"{Base}/questions", c.AdminKey,
            new { text = "How many discharges waited over a week?", addressee = new { kind = "agency", code = "MFT" }, dueOn = "2026-01-15" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var reminders = c.Get<ResponseReminders>();
        var outbox = c.Get<OutboxStore>();
        var before = (await outbox.ListAsync()).Count; // the two inbox notifications' emails

        async Task<IReadOnlyList<string>> RunTwoNodesAsync()
        {
            var runs = await Task.WhenAll(reminders.RunAsync("node-a"), reminders.RunAsync("node-b"));
            Assert.Contains(0, runs); // one node did today's run
            Assert.Equal(0, await reminders.RunAsync("node-a"));
            return [.. (await outbox.ListAsync()).Skip(before).Select(r => r.DedupeKey)];
        }

        // The question is due within the week; the recommendation is not.
        var keys = await RunTwoNodesAsync();
        var question = Assert.Single(keys);
        Assert.EndsWith($":answer_due_soon:person:{ana}", question);

        // 5 March: the recommendation's response is due within the week, the question overdue.
        c.Time.Now = new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);
        keys = await RunTwoNodesAsync();
        Assert.Equal(3, keys.Count);
        Assert.Contains($"recommendation:{recommendation}:response_due_soon:person:{ana}", keys);
        Assert.Contains(keys, k => k.EndsWith($":answer_overdue:person:{ana}", StringComparison.Ordinal));

        // 6 March: nothing new. 11 March: the response is overdue.
        c.Time.Now = c.Time.Now.AddDays(1);
        Assert.Equal(3, (await RunTwoNodesAsync()).Count);
        c.Time.Now = new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero);
        keys = await RunTwoNodesAsync();
        Assert.Equal(4, keys.Count);
        Assert.Contains($"recommendation:{recommendation}:response_overdue:person:{ana}", keys);

        // The overdue email as it arrives.
        await using var smtp = await TestSmtpServer.StartAsync();
        var delivery = new OutboxDelivery(outbox, smtp.Options(), c.Time, NullLogger<OutboxDelivery>.Instance);
        while (await delivery.RunOnceAsync("node-a", TestContext.Current.CancellationToken) > 0) { }
        Assert.Equal(before + 4, smtp.Received.Count);
        var overdue = Assert.Single(smtp.Received, m => m.Subject?.StartsWith("Response overdue:", StringComparison.Ordinal) == true);
        Assert.Equal("ana@mft.example.org", Assert.Single(overdue.To.Mailboxes).Address);
        Assert.Contains("The response was due by 10 March 2026.", overdue.TextBody);
        Assert.Contains("Respond to the recommendation", overdue.HtmlBody);
        Assert.Single(smtp.Received, m => m.Subject == "Response due by 10 March 2026: Publish a discharge-to-assess plan for winter");
    }
}

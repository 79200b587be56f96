using Microsoft.Extensions.Logging.Abstractions;
using Scrutiny.Silo.Email;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Committees;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Email;

/// <summary>
/// The daily check for agencies' returns (minimal catalogue: MFT owes Manchester two monthly indicators and a quarterly
/// one, each due on the 30th day after its period ends): one email a due day when returns fall due within a week, one when they are
/// overdue, to the agency's submitters only, never twice.
/// </summary>
public sealed class ReturnReminderTests
{
    [Theory, ClassData(typeof(Engines))]
    public async Task Submitters_hear_once_when_returns_are_due_soon_and_once_when_overdue(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var ana = (await c.Get<PeopleStore>().CreateAsync("ana@mft.example.org", "Ana Okafor", [PersonRole.Agency("MFT")], "test")).Person!.Id;
        await c.Get<PeopleStore>().CreateAsync("bo@board.example.org", "Bo Reyes", [PersonRole.Board(CommitteesUnderTest.Board)], "test");
        var reminders = c.Get<ReturnReminders>();
        var outbox = c.Get<OutboxStore>();

        async Task<IReadOnlyList<OutboxEntry>> RunTwoNodesAsync()
        {
            var runs = await Task.WhenAll(reminders.RunAsync("node-a"), reminders.RunAsync("node-b"));
            Assert.Contains(0, runs);
            return await outbox.ListAsync();
        }

        // 10 January 2026: the last three periods' returns are overdue, due on four days; December's is due on 30 January, not yet soon.
        var rows = await RunTwoNodesAsync();
        Assert.All(rows, r => Assert.Equal((ana, "return_reminder"), (r.PersonId!.Value, r.Kind)));
        Assert.Equal(new[] { "2025-07-30", "2025-10-30", "2025-11-30", "2025-12-30" }.Select(d => $"returns:MFT:overdue:{d}:person:{ana}"),
            rows.Select(r => r.DedupeKey).Order(StringComparer.Ordinal));
        Assert.Contains(rows, r => r.Subject == "2 returns overdue: due by 30 December 2025");

        // 23 January: December's monthly returns and the quarter's are due within the week; MFT sends one of them.
        c.Time.Now = new DateTimeOffset(2026, 1, 23, 9, 0, 0, TimeSpan.Zero);
        await c.Api.SubmitAsync(new { place = "E08000003", indicator = "delayed-discharge-days", period = "2025-12", numerator = 40 });
        rows = await RunTwoNodesAsync();
        var soon = Assert.Single(rows, r => r.DedupeKey == $"returns:MFT:due_soon:2026-01-30:person:{ana}");
        Assert.Equal("2 returns due by 30 January 2026", soon.Subject);
        Assert.Equal(5, rows.Count);

        // 31 January: those two are overdue; one more email, and nothing more the next day.
        c.Time.Now = new DateTimeOffset(2026, 1, 31, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(6, (await RunTwoNodesAsync()).Count);
        c.Time.Now = c.Time.Now.AddDays(1);
        rows = await RunTwoNodesAsync();
        Assert.Equal(6, rows.Count);
        Assert.Single(rows, r => r.DedupeKey == $"returns:MFT:overdue:2026-01-30:person:{ana}");

        await using var smtp = await TestSmtpServer.StartAsync();
        var delivery = new OutboxDelivery(outbox, smtp.Options(), c.Time, NullLogger<OutboxDelivery>.Instance);
        while (await delivery.RunOnceAsync("node-a", TestContext.Current.CancellationToken) > 0) { }
        var overdue = Assert.Single(smtp.Received, m => m.Subject == "2 returns overdue: due by 30 January 2026");
        Assert.Contains("* Emergency hospital admissions of people aged 65 and over, Manchester, 2025-12", overdue.TextBody);
        Assert.Contains("<li>Older people still at home 91 days after discharge into reablement, Manchester, 2025-Q4</li>", overdue.HtmlBody);
        Assert.DoesNotContain("Days people spent in hospital", overdue.TextBody);
        Assert.Contains("/agency", overdue.TextBody);
    }
}

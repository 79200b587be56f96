using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Email;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Committees;
using Scrutiny.Silo.Tests.People;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Silo.Tests.Committees.CommitteesUnderTest;

namespace Scrutiny.Silo.Tests.Email;

/// <summary>
/// The outbox end to end on both engines: a committee's write puts one email per person in the outbox with its inbox
/// notification, and senders over the real store deliver each to a real SMTP server in this process exactly once,
/// retrying when the server is down and honouring each person's choice.
/// </summary>
public sealed class OutboxTests
{
    [Theory, ClassData(typeof(Engines))]
    public async Task A_recommendation_emails_each_person_of_the_addressee_once(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var mft = await PersonAsync(c, "ana@mft.example.org", "Ana Okafor", PersonRole.Agency("MFT"));
        await PersonAsync(c, "gus@gmp.example.org", "Gus Hale", PersonRole.Agency("GMP"));
        var disabled = await PersonAsync(c, "old@mft.example.org", "Old Account", PersonRole.Agency("MFT"));
        await c.Get<PeopleStore>().DisableAsync(disabled, "test");

        var id = await c.MakeAsync(ToAgency("MFT", "Publish a discharge-to-assess plan for <winter>"));

        // One row, for MFT's enabled submitter; nobody configured SMTP on the node, so it waits.
        var row = Assert.Single(await c.Get<OutboxStore>().ListAsync());
        Assert.Equal((mft, "ana@mft.example.org", "notification"), (row.PersonId!.Value, row.Recipient, row.Kind));
        Assert.Null(row.SentAt);
        Assert.StartsWith("notification:", row.DedupeKey);

        await using var smtp = await TestSmtpServer.StartAsync();
        var delivery = Delivery(c, smtp.Options());
        Assert.Equal(1, await delivery.RunOnceAsync("node-a", TestContext.Current.CancellationToken));
        var message = Assert.Single(smtp.Received);
        Assert.Equal("ana@mft.example.org", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("scrutiny@example.gov.uk", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal($"outbox-{row.Id}@example.gov.uk", message.MessageId);
        Assert.StartsWith("Manchester Health Scrutiny Committee made a recommendation to you; respond by", message.Subject);
        // Bodies are made when the message is written, with the writing node's site address.
        var link = $"{c.Get<EmailOptions>().SiteAddress}/committees/{CommitteeId}/recommendations/{id}";
        Assert.Contains("Dear Ana Okafor,", message.TextBody);
        Assert.Contains(link, message.TextBody);
        Assert.Contains("<html lang=\"en\">", message.HtmlBody);
        Assert.Contains($"<a href=\"{link}\"", message.HtmlBody);
        // What a committee typed is text in the HTML, never markup; and nothing is fetched when the email is read.
        Assert.Contains("&lt;winter&gt;", message.HtmlBody);
        Assert.DoesNotContain("<img", message.HtmlBody);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal($"<{c.Get<EmailOptions>().SiteAddress}/account/email>", message.Headers["List-Unsubscribe"]);

        // Recorded as sent and audited: a second pass sends nothing.
        Assert.NotNull(Assert.Single(await c.Get<OutboxStore>().ListAsync()).SentAt);
        Assert.Equal(0, await delivery.RunOnceAsync("node-b", TestContext.Current.CancellationToken));
        Assert.Single(smtp.Received);
        Assert.Equal(1, await CountAsync(c, $"SELECT COUNT(*) FROM audit_log WHERE action = '{OutboxStore.SentAction}'"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task An_email_is_written_with_its_notification_or_not_at_all(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        await PersonAsync(c, "bo@board.example.org", "Bo Reyes", PersonRole.Board(Board));
        var emails = c.Get<NotificationEmails>();
        var database = c.Get<Database>();
        var notification = new Notification(new Recipient(RecipientKind.Board, Board), "A question for the board", "/committees/x/questions/y");

        // A transaction that rolls back leaves no email behind.
        await using (var connection = await database.OpenAsync(TestContext.Current.CancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(1, await emails.WriteAsync(connection, transaction, engine, 9_001, notification, c.Time.Now));
            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        }
        Assert.Empty(await c.Get<OutboxStore>().ListAsync());

        // Written twice for one notification (a writer run again): one email.
        for (var i = 0; i < 2; i++)
            await database.InTransactionAsync(async (connection, transaction) =>
                await emails.WriteAsync(connection, transaction, engine, 9_002, notification, c.Time.Now));
        Assert.Single(await c.Get<OutboxStore>().ListAsync());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_question_its_notification_and_its_emails_commit_together_or_not_at_all(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        await PersonAsync(c, "jo@mft.example.org", "Jo Park", PersonRole.Agency("MFT"));
        var store = c.Get<QuestionStore>();
        var sink = c.Get<INotificationSink>();
        Question Ask(string id) => new(id, CommitteeId, new Addressee(AddresseeKind.Agency, "MFT"), "How long do discharges wait?",
            new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 10), "test", c.Time.Now, null);
        Notification Told(string id) => new(new Recipient(RecipientKind.Agency, "MFT"), "A question for you", $"/committees/{CommitteeId}/questions/{id}");

        // Something fails after the notification, before the commit: the question, its inbox row and its email all go.
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AskAsync(Ask("q-failed"), async (connection, transaction) =>
        {
            await sink.NotifyAsync(connection, transaction, Told("q-failed"));
            throw new InvalidOperationException("the transaction fails after the notification");
        }));
        Assert.Null(await store.FindAsync(CommitteeId, "q-failed"));
        Assert.Empty(await c.Get<OutboxStore>().ListAsync());
        Assert.Equal(0, await CountAsync(c, "SELECT COUNT(*) FROM inbox_notifications"));

        // The same through the committee's own path: one question, one notification, one email.
        await store.AskAsync(Ask("q-asked"), sink.Within(Told("q-asked"), TestContext.Current.CancellationToken));
        Assert.NotNull(await store.FindAsync(CommitteeId, "q-asked"));
        Assert.Equal("jo@mft.example.org", Assert.Single(await c.Get<OutboxStore>().ListAsync()).Recipient);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Two_senders_over_one_store_deliver_each_message_exactly_once(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var person = await PersonAsync(c, "cy@mft.example.org", "Cy Ward", PersonRole.Agency("MFT"));
        const int Messages = 60;
        await WriteAsync(c, person, Messages);
        await using var smtp = await TestSmtpServer.StartAsync();
        // Small batches, so that the two interleave claim after claim.
        var options = smtp.Options(batchSize: 3);

        async Task SendUntilDoneAsync(string claimant)
        {
            var delivery = Delivery(c, options);
            while (await delivery.RunOnceAsync(claimant, TestContext.Current.CancellationToken) > 0) { }
        }
        await Task.WhenAll(Task.Run(() => SendUntilDoneAsync("node-a")), Task.Run(() => SendUntilDoneAsync("node-b")));

        Assert.Equal(Messages, smtp.Received.Count);
        Assert.Equal(Messages, smtp.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.All(await c.Get<OutboxStore>().ListAsync(), r => Assert.Equal(1, r.Attempts));
        Assert.Equal(Messages, await CountAsync(c, $"SELECT COUNT(*) FROM audit_log WHERE action = '{OutboxStore.SentAction}'"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task While_the_server_is_down_messages_wait_and_go_once_it_is_back(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var person = await PersonAsync(c, "di@mft.example.org", "Di Shah", PersonRole.Agency("MFT"));
        await WriteAsync(c, person, 2);
        var port = Scrutiny.Silo.Cluster.FreePorts.Next();
        var delivery = Delivery(c, TestSmtpServer.OptionsFor(port));

        // Nothing listens: both fail, and wait out the backoff (30 seconds after a first failure).
        Assert.Equal(2, await delivery.RunOnceAsync("node-a", TestContext.Current.CancellationToken));
        var waiting = await c.Get<OutboxStore>().ListAsync();
        Assert.All(waiting, r => Assert.True(r.SentAt is null && r.LastError is not null && r.NotBefore == c.Time.Now.AddSeconds(30)));
        Assert.Equal(0, await delivery.RunOnceAsync("node-a", TestContext.Current.CancellationToken));

        // Down still at the retry: the wait doubles.
        c.Time.Now = c.Time.Now.AddSeconds(31);
        Assert.Equal(2, await delivery.RunOnceAsync("node-a", TestContext.Current.CancellationToken));
        Assert.All(await c.Get<OutboxStore>().ListAsync(), r => Assert.Equal((2, c.Time.Now.AddSeconds(60)), (r.Attempts, r.NotBefore)));

        // The server is back; at the next retry each message goes once.
        await using var smtp = await TestSmtpServer.StartAsync(port);
        c.Time.Now = c.Time.Now.AddSeconds(61);
        Assert.Equal(2, await delivery.RunOnceAsync("node-b", TestContext.Current.CancellationToken));
        Assert.Equal(2, smtp.Received.Count);
        Assert.All(await c.Get<OutboxStore>().ListAsync(), r => Assert.True(r.SentAt is not null && r.Attempts == 3 && r.LastError is null));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_sender_that_dies_holding_a_claim_loses_nothing(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var person = await PersonAsync(c, "ed@mft.example.org", "Ed Lowe", PersonRole.Agency("MFT"));
        await WriteAsync(c, person, 3);
        await using var smtp = await TestSmtpServer.StartAsync();
        var options = smtp.Options();

        // A node claims the messages and dies before sending any (killed between the claim and the SMTP exchange).
        var claimed = await c.Get<OutboxStore>().ClaimAsync("dead-node", 20, c.Time.Now, c.Time.Now.AddSeconds(options.ClaimSeconds));
        Assert.Equal(3, claimed.Count);
        var delivery = Delivery(c, options);
        // Held: another node leaves them while the claim lasts ...
        Assert.Equal(0, await delivery.RunOnceAsync("node-b", TestContext.Current.CancellationToken));
        // ... and takes them over once it has run out, each sent once.
        c.Time.Now = c.Time.Now.AddSeconds(options.ClaimSeconds + 1);
        Assert.Equal(3, await delivery.RunOnceAsync("node-b", TestContext.Current.CancellationToken));
        Assert.Equal(3, smtp.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(3, smtp.Received.Count);
        // The dead node's late word cannot undo the record.
        Assert.False(await c.Get<OutboxStore>().MarkSentAsync(claimed[0], "dead-node", c.Time.Now));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_kind_a_person_turned_off_is_not_sent(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var off = await PersonAsync(c, "fi@mft.example.org", "Fi Moss", PersonRole.Agency("MFT"));
        var on = await PersonAsync(c, "gil@mft.example.org", "Gil Amos", PersonRole.Agency("MFT"));
        var preferences = c.Get<EmailPreferences>();
        Assert.True(await preferences.SetAsync(off, new HashSet<EmailKind> { EmailKind.ResponseReminder }, PeopleStore.Subject(off), c.Time.Now));
        Assert.False(await preferences.SetAsync(off, new HashSet<EmailKind> { EmailKind.ResponseReminder }, PeopleStore.Subject(off), c.Time.Now));
        Assert.Equal([EmailKind.ResponseReminder], await preferences.WantedAsync(off));

        await c.MakeAsync(ToAgency("MFT"));
        await using var smtp = await TestSmtpServer.StartAsync();
        Assert.Equal(2, await Delivery(c, smtp.Options()).RunOnceAsync("node-a", TestContext.Current.CancellationToken));

        Assert.Equal("gil@mft.example.org", Assert.Single(Assert.Single(smtp.Received).To.Mailboxes).Address);
        var dropped = Assert.Single(await c.Get<OutboxStore>().ListAsync(), r => r.PersonId == off);
        Assert.True(dropped.DroppedAt is not null && dropped.SentAt is null);
        Assert.Equal(1, await CountAsync(c, $"SELECT COUNT(*) FROM audit_log WHERE action = '{OutboxStore.DroppedAction}'"));
        Assert.Equal(1, await CountAsync(c, $"SELECT COUNT(*) FROM audit_log WHERE action = '{EmailPreferences.SetAction}'"));
        Assert.NotNull((await c.Get<OutboxStore>().ListAsync()).Single(r => r.PersonId == on).SentAt);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task An_address_refused_for_good_is_dropped_and_the_rest_still_go(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        await PersonAsync(c, $"{TestSmtpServer.RefusedPrefix}@mft.example.org", "Gone Away", PersonRole.Agency("MFT"));
        await PersonAsync(c, "kit@mft.example.org", "Kit Bell", PersonRole.Agency("MFT"));
        await c.MakeAsync(ToAgency("MFT"));
        await using var smtp = await TestSmtpServer.StartAsync();

        Assert.Equal(2, await Delivery(c, smtp.Options()).RunOnceAsync("node-a", TestContext.Current.CancellationToken));

        Assert.Equal("kit@mft.example.org", Assert.Single(Assert.Single(smtp.Received).To.Mailboxes).Address);
        var rows = await c.Get<OutboxStore>().ListAsync();
        var refused = Assert.Single(rows, r => r.Recipient.StartsWith(TestSmtpServer.RefusedPrefix, StringComparison.Ordinal));
        Assert.True(refused.DroppedAt is not null && refused.SentAt is null);
        Assert.Contains("refused the address for good (550)", refused.LastError);
        Assert.NotNull(Assert.Single(rows, r => r.Recipient == "kit@mft.example.org").SentAt);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_slow_batch_hands_back_what_it_has_no_time_left_to_send(StoreEngine engine)
    {
        await using var c = await CommitteesUnderTest.StartAsync(engine);
        var person = await PersonAsync(c, "lu@mft.example.org", "Lu Tan", PersonRole.Agency("MFT"));
        await WriteAsync(c, person, 3);
        await using var smtp = await TestSmtpServer.StartAsync();
        var options = smtp.Options();
        // Each look at the clock is 100 seconds on: the second message would start with less than two SMTP timeouts of its claim left.
        var slow = new OutboxDelivery(c.Get<OutboxStore>(), options, new SteppingClock(c.Time.Now, TimeSpan.FromSeconds(100)),
            NullLogger<OutboxDelivery>.Instance);

        Assert.Equal(3, await slow.RunOnceAsync("node-a", TestContext.Current.CancellationToken));
        Assert.Single(smtp.Received);

        // Handed back, not held: another sender takes the two at once, well inside the first claim's time.
        Assert.Equal(2, await Delivery(c, options).RunOnceAsync("node-b", TestContext.Current.CancellationToken));
        Assert.Equal(3, smtp.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(3, smtp.Received.Count);
    }

    private sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
    {
        private DateTimeOffset _next = start;

        public override DateTimeOffset GetUtcNow()
        {
            var now = _next;
            _next += step;
            return now;
        }
    }

    [Fact]
    public async Task With_no_smtp_host_the_sender_does_not_run()
    {
        await using var c = await CommitteesUnderTest.StartAsync(StoreEngine.Sqlite);
        var person = await PersonAsync(c, "hu@mft.example.org", "Hu Lin", PersonRole.Agency("MFT"));
        await WriteAsync(c, person, 1);
        var unconfigured = new EmailOptions().Checked();
        Assert.False(unconfigured.Configured);
        await using var smtp = await TestSmtpServer.StartAsync();

        // The sender is given a delivery that would reach a server, but its own settings name none: it sends nothing.
        var sender = new OutboxSender(Delivery(c, smtp.Options()), unconfigured, new Scrutiny.Silo.Hosting.NodeInstance("n", "n"),
            NullLogger<OutboxSender>.Instance);
        await sender.StartAsync(TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        await sender.StopAsync(TestContext.Current.CancellationToken);
        Assert.Empty(smtp.Received);
        Assert.Null(Assert.Single(await c.Get<OutboxStore>().ListAsync()).SentAt);
    }

    private static OutboxDelivery Delivery(CommitteesUnderTest c, EmailOptions options) =>
        new(c.Get<OutboxStore>(), options, c.Time, NullLogger<OutboxDelivery>.Instance);

    private static async Task<long> PersonAsync(CommitteesUnderTest c, string email, string name, PersonRole role)
    {
        var made = await c.Get<PeopleStore>().CreateAsync(email, name, [role], "test");
        return made.Person?.Id ?? throw new InvalidOperationException(string.Join("; ", made.Problems));
    }

    /// <summary><paramref name="count"/> messages to one person, written as a cause writes them.</summary>
    private static Task WriteAsync(CommitteesUnderTest c, long person, int count)
    {
        var database = c.Get<Database>();
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            for (var i = 0; i < count; i++)
                await OutboxWriter.AddAsync(connection, transaction, new OutboxMessage(EmailKind.Notification, person, $"p{person}@mft.example.org",
                    $"Message {i}", $"Text {i}", $"<p>Html {i}</p>", new Dictionary<string, string>(), $"test:{i}"), c.Time.Now, database.Engine);
            return count;
        });
    }

    private static async Task<long> CountAsync(CommitteesUnderTest c, string sql)
    {
        await using var connection = await c.Get<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}

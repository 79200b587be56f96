using System.Globalization;
using Dapper;
using Scrutiny.Silo.Email;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Email;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Reliability;

/// <summary>
/// The outbox under kill -9: a real silo process sends a few hundred messages to a real SMTP server in this process and
/// is killed at seeded random moments mid-send, then started again. Afterwards every message has arrived, and a message
/// arrived twice only if a kill landed between the server's acceptance and the sender's record of it: at most one
/// message a kill (docs/email.md). <see cref="CrashRun"/> sets the rounds and the seed.
/// </summary>
public sealed class OutboxCrashRoundTests(ITestOutputHelper output)
{
    private const int Messages = 300;


    [Theory, ClassData(typeof(Engines))]
    public async Task No_message_is_lost_and_none_is_sent_twice_but_the_one_in_flight_at_a_kill(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await CrashDatabase.PrepareAsync(database);
        await using (var store = new Database(StoreOptions.From(database.ConnectionString, Directory.GetCurrentDirectory())))
            await store.InTransactionAsync(async (connection, transaction) =>
            {
                for (var i = 0; i < Messages; i++)
                    await OutboxWriter.AddAsync(connection, transaction, new OutboxMessage(EmailKind.Notification, null, $"m{i}@example.org",
                        $"Message {i}", $"Text {i}", $"<p>Html {i}</p>", new Dictionary<string, string>(), $"crash:{i}"), DateTimeOffset.UtcNow, store.Engine);
                return Messages;
            });
        // 10 ms a message: 3 seconds of sending, for the kills to land in.
        await using var smtp = await TestSmtpServer.StartAsync(Scrutiny.Silo.Cluster.FreePorts.Next(), TimeSpan.FromMilliseconds(10));
        var settings = new Dictionary<string, string>
        {
            ["Scrutiny__Email__Smtp__Host"] = "127.0.0.1",
            ["Scrutiny__Email__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Scrutiny__Email__Smtp__UseTls"] = "false",
            ["Scrutiny__Email__Smtp__From"] = "scrutiny@example.gov.uk",
            ["Scrutiny__Email__PollSeconds"] = "0.2",
            ["Scrutiny__Email__BatchSize"] = "5",
        };

        var random = new Random(CrashRun.Seed);
        using var timeout = new CancellationTokenSource(CrashRun.Timeout);
        var kills = 0;
        SiloProcess? node = null;
        try
        {
            for (var round = 1; round <= CrashRun.Rounds && smtp.Received.Count < Messages; round++)
            {
                node = await SiloProcess.StartAsync(database.ConnectionString, "outbox-crash-node", timeout.Token, settings);
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(100, 1000)), timeout.Token);
                node.KillHard();
                kills++;
                await node.DisposeAsync();
                node = null;
            }
            // The node comes back for good and sends the rest; the killed instances' claims pass to it at once.
            node = await SiloProcess.StartAsync(database.ConnectionString, "outbox-crash-node", timeout.Token, settings);
            while (await UnsentAsync(database) > 0) await Task.Delay(200, timeout.Token);

            var distinct = smtp.Received.Select(m => m.MessageId).Distinct().Count();
            var duplicated = smtp.Received.Count - distinct;
            output.WriteLine($"outbox crash rounds ({engine}, seed {CrashRun.Seed}): kills {kills}, messages {Messages}, arrived {distinct}, " +
                $"lost {Messages - distinct}, arrived twice {duplicated}");
            Assert.Equal(Messages, distinct);
            Assert.True(duplicated <= kills, $"{duplicated} messages arrived twice after {kills} kills");
        }
        catch
        {
            if (node is not null) output.WriteLine(node.LastOutput());
            throw;
        }
        finally
        {
            if (node is not null) await node.DisposeAsync();
        }
    }

    private static async Task<long> UnsentAsync(TestDatabase database)
    {
        await using var store = new Database(StoreOptions.From(database.ConnectionString, Directory.GetCurrentDirectory()));
        await using var connection = await store.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL");
    }
}

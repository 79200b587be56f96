using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Reliability;

/// <summary>
/// Crash rounds: concurrent clients post returns with Idempotency-Keys to a real silo process, which is killed
/// (kill -9) at seeded random moments and started again. Afterwards every acknowledged return is in the ledger
/// exactly once with its value, nothing is doubled, and every key answers its first answer again.
/// <see cref="CrashRun"/> sets the rounds and the seed.
/// </summary>
public sealed class CrashRoundTests(ITestOutputHelper output)
{
    private const int Clients = 4;
    private const string NodeName = "crash-node";


    [Theory, ClassData(typeof(Engines))]
    public async Task Every_acknowledged_return_survives_kill_9_exactly_once_and_every_key_resolves(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var apiKey = await CrashDatabase.PrepareAsync(database);

        var random = new Random(CrashRun.Seed);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Uri? current = null;
        long lastValue = 0;
        var clients = Enumerable.Range(1, Clients)
            .Select(i => new CrashRoundClient(i, http, apiKey, () => Volatile.Read(ref current), () => Interlocked.Increment(ref lastValue)))
            .ToList();
        using var stopStarting = new CancellationTokenSource();
        var running = clients.Select(c => Task.Run(() => c.RunAsync(stopStarting.Token))).ToList();

        using var timeout = new CancellationTokenSource(CrashRun.Timeout);
        SiloProcess? node = null;
        try
        {
            for (var round = 1; round <= CrashRun.Rounds; round++)
            {
                node = await SiloProcess.StartAsync(database.ConnectionString, NodeName, timeout.Token);
                Volatile.Write(ref current, node.Address);
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 3000)), timeout.Token);
                Volatile.Write(ref current, null);
                node.KillHard();
                await node.DisposeAsync();
                node = null;
            }

            // The node comes back for good: every client sees its last return through, then starts no more.
            node = await SiloProcess.StartAsync(database.ConnectionString, NodeName, timeout.Token);
            Volatile.Write(ref current, node.Address);
            await stopStarting.CancelAsync();
            await Task.WhenAll(running);

            var sent = clients.SelectMany(c => c.Sent).ToList();
            var replayed = await ReplayEveryKeyAsync(clients, sent);
            await VerifyAggregatesAgainstLedgerAsync(database);
            var figures = await CountAsync(database, sent, replayed);
            output.WriteLine(
                $"crash rounds ({engine}, seed {CrashRun.Seed}): rounds {CrashRun.Rounds}, returns acknowledged {figures.Acknowledged}, lost {figures.Lost}, " +
                $"duplicated {figures.Duplicated}, keys resolved {figures.Resolved}/{sent.Count} ({sent.Count(s => s.Retried)} answered only after retries)");

            Assert.All(sent, s => Assert.True(s.Status == 200, $"{s.Key} ended with {s.Status?.ToString(CultureInfo.InvariantCulture) ?? "no answer"}: {s.Answer}"));
            Assert.Equal(0, figures.Lost);
            Assert.Equal(0, figures.Duplicated);
            Assert.Equal(sent.Count, figures.Resolved);
        }
        catch
        {
            if (node is not null) output.WriteLine(node.LastOutput());
            throw;
        }
        finally
        {
            await stopStarting.CancelAsync();
            if (node is not null) await node.DisposeAsync();
        }
    }

    /// <summary>
    /// <c>silo verify</c>, as an operator runs it after a crash: every aggregate recomputed from the ledger and the records
    /// agrees with the one stored, in the store the crashes left.
    /// </summary>
    private static async Task VerifyAggregatesAgainstLedgerAsync(TestDatabase database)
    {
        var (exit, lines) = await SiloCommand.RunAsync(database, "verify");
        Assert.True(exit == 0, $"silo verify exit {exit}:\n{string.Join('\n', lines)}");
    }

    /// <summary>Sends every key again, same body: each must answer exactly as it first did.</summary>
    private static async Task<int> ReplayEveryKeyAsync(List<CrashRoundClient> clients, List<SentReturn> sent)
    {
        var same = 0;
        foreach (var s in sent)
        {
            var (status, answer, _) = await clients[0].SubmitUntilAnsweredAsync(s.Key, s.Csv);
            if (status is not null && status == s.Status && answer == s.Answer) same++;
        }
        return same;
    }

    private sealed record Figures(int Acknowledged, int Lost, int Duplicated, int Resolved);

    /// <summary>Reads the ledger directly: where did each acknowledged value go, and did any go twice.</summary>
    private static async Task<Figures> CountAsync(TestDatabase database, List<SentReturn> sent, int resolved)
    {
        await using var store = new Database(StoreOptions.From(database.ConnectionString, Directory.GetCurrentDirectory()));
        await using var connection = await store.OpenAsync();
        var ledger = (await connection.QueryAsync<(string BatchId, double Numerator)>(
            "SELECT batch_id, numerator FROM returns_ledger WHERE agency_code = 'MFT'")).ToList();
        var byValue = ledger.ToLookup(l => (long)l.Numerator);
        var acknowledged = sent.Where(s => s.Status == 200).ToList();
        var lost = acknowledged.Count(s =>
            byValue[s.Value].Count(l => l.BatchId == JsonDocument.Parse(s.Answer!).RootElement.GetProperty("batchId").GetString()) != 1);
        var duplicated = byValue.Sum(g => g.Count() - 1);
        return new Figures(acknowledged.Count, lost, duplicated, resolved);
    }
}

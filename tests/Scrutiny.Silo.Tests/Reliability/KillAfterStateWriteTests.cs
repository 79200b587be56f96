using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Reliability;

/// <summary>
/// A node killed (SIGKILL) right after a write committed, before the request was answered: the node's fault injection
/// (<see cref="FaultInjection"/>) kills it at its 100th write, the batch's ledger commit being the first and its 300
/// grains' place updates the rest, the moment a random kill rarely finds. After a restart every value of the batch is
/// there exactly once, every place holds its latest values, and the retry with the same Idempotency-Key gets the
/// batch's answer.
/// </summary>
public sealed class KillAfterStateWriteTests
{
    // Three hundred grains (150 places, two indicators), applied grain write after grain write.
    private static readonly string[] Places = [.. Enumerable.Range(0, 150).Select(i => $"E08{100000 + i}")];
    private const int Months = 12;
    private const int KillAfterWrites = 100;

    [Theory, ClassData(typeof(Engines))]
    public async Task Every_acknowledged_value_is_there_once_after_a_kill_between_the_state_write_and_the_answer(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var apiKey = await CrashDatabase.PrepareAsync(database, async writer =>
        {
            // Places whose boards MFT sits on: the places it may send returns for.
            await writer.UpsertPlacesAsync([.. Places.Select(p => new Scrutiny.Grains.Catalogue.Place(p, $"Place {p}", "metropolitan_borough", "E47000001"))]);
            foreach (var place in Places)
                await writer.UpsertBoardAsync(new Scrutiny.Grains.Catalogue.PartnershipBoard($"board-{place.ToLowerInvariant()}", $"Board of {place}", place, ["MFT"]));
        });
        await using var store = new Database(StoreOptions.From(database.ConnectionString, Directory.GetCurrentDirectory()));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var (csv, rows, sum) = Batch();
        Uri? current = null;
        var client = new CrashRoundClient(1, http, apiKey, () => Volatile.Read(ref current), () => 0);

        var node = await SiloProcess.StartAsync(database.ConnectionString, "kill-node", timeout.Token,
            new Dictionary<string, string> { ["Scrutiny__FaultInjection__KillAfterGrainWrites"] = $"{KillAfterWrites}" });
        Volatile.Write(ref current, node.Address);
        var posting = client.SubmitUntilAnsweredAsync("kill-after-state-write", csv);
        await node.ExitedAsync(timeout.Token);
        Volatile.Write(ref current, null);
        await node.DisposeAsync();
        var status = await ScalarAsync<string>(store, "SELECT status FROM return_batches");
        var ledgerAtKill = await CountAsync(store, "SELECT COUNT(*) FROM returns_ledger");

        await using var restarted = await SiloProcess.StartAsync(database.ConnectionString, "kill-node", timeout.Token);
        Volatile.Write(ref current, restarted.Address);
        var (answered, answer, _) = await posting;

        // The kill came after the batch's ledger commit (its first write), while its grains were telling their places
        // (the rest): the batch accepted, every row in the ledger, places half told.
        Assert.Equal("accepted", status);
        Assert.Equal(rows, ledgerAtKill);
        Assert.Equal(200, answered);
        // Counted from the ledger: the rows in before the kill count as imported, as the first answer would have.
        Assert.Equal(rows, System.Text.Json.JsonDocument.Parse(answer!).RootElement.GetProperty("imported").GetInt32());
        Assert.Equal((long)rows, await CountAsync(store, "SELECT COUNT(*) FROM returns_ledger"));
        Assert.Equal((long)rows, await CountAsync(store, "SELECT COUNT(DISTINCT place_code || indicator_code || period) FROM returns_ledger"));
        Assert.Equal(sum, await ScalarAsync<double>(store, "SELECT SUM(numerator) FROM returns_ledger"));
        // Every place told after the restart: the verifier finds each place's latest values equal to its indicators'.
        var verify = await SiloCommand.RunAsync(database, "verify");
        Assert.True(verify.ExitCode == 0, string.Join('\n', verify.Lines));
    }

    private static (string Csv, int Rows, double Sum) Batch()
    {
        var csv = new StringBuilder("place,indicator,period,numerator,denominator,note\n");
        var (rows, sum) = (0, 0.0);
        foreach (var place in Places)
            foreach (var (indicator, denominator) in new[] { ("delayed-discharge-days", ""), ("emergency-admissions-65plus", "61000") })
                for (var m = 0; m < Months; m++)
                {
                    var value = 100 + rows;
                    csv.Append($"{place},{indicator},{2015 + m / 12}-{m % 12 + 1:00},{value},{denominator},\n");
                    (rows, sum) = (rows + 1, sum + value);
                }
        return (csv.ToString(), rows, sum);
    }

    private static Task<long> CountAsync(Database store, string sql) => ScalarAsync<long>(store, sql);

    /// <summary>A plain read (no transaction: on SQLite that would take the write lock the node needs).</summary>
    private static async Task<T> ScalarAsync<T>(Database store, string sql)
    {
        await using var connection = await store.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Dapper;
using Npgsql;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Verification;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Reliability;

/// <summary>
/// PostgreSQL goes away mid-traffic and comes back: the API answers 503 with Retry-After (never 500), pages say their
/// figures may be out of date or cannot be shown, nothing is half-written or lost, and the same node serves again
/// without a restart. The outage lasts 5 s here; SCRUTINY_OUTAGE_SECONDS=30 makes it the 30.
/// </summary>
public sealed class StoreOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("SCRUTINY_OUTAGE_SECONDS"), out var seconds) ? seconds : 5);

    [Fact]
    public async Task PostgreSQL_going_away_mid_traffic_gets_503s_loses_nothing_and_the_node_recovers_without_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var line = StoreLine.Open(server.Host!, server.Port);
        var viaLine = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = line.Port, Timeout = 3 };
        await using var app = DashboardApp.StartOn(database, settings: new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{StoreOptions.ConnectionStringName}"] = viaLine.ConnectionString,
        });
        var key = await SeedAsync(app);
        using var agency = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        agency.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        using var reader = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await Returns.PostAsync(app, key, new { place = Manchester, indicator = DelayedDays, period = "2019-12", numerator = 999 });
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/places/{Manchester}")).StatusCode);

        var statuses = new ConcurrentBag<(string What, int Status)>();
        var acknowledged = new ConcurrentDictionary<string, double>();
        using var stop = new CancellationTokenSource();
        var traffic = Task.Run(() => PostUntilStoppedAsync(agency, statuses, acknowledged, stop.Token));

        await Task.Delay(TimeSpan.FromSeconds(1));
        line.Cut();
        var clock = Stopwatch.StartNew();
        var pages = new List<(HttpStatusCode Status, string Body)>();
        while (clock.Elapsed < Outage)
        {
            using var page = await reader.GetAsync($"/places/{Manchester}");
            pages.Add((page.StatusCode, await page.Content.ReadAsStringAsync()));
            using var api = await agency.GetAsync($"/api/v1/places/{Manchester}/indicators");
            statuses.Add(("read", (int)api.StatusCode));
            if (api.StatusCode == HttpStatusCode.ServiceUnavailable) Assert.NotNull(api.Headers.RetryAfter);
            await Task.Delay(250);
        }
        line.Restore();
        var restoredAt = clock.Elapsed;
        var before = acknowledged.Count;
        // The same node serves writes again, without a restart.
        while (acknowledged.Count < before + 5 && clock.Elapsed < restoredAt + TimeSpan.FromSeconds(90)) await Task.Delay(100);
        var recoveredIn = clock.Elapsed - restoredAt;
        await stop.CancelAsync();
        var unresolved = await traffic;

        output.WriteLine($"outage {Outage.TotalSeconds:0} s: {statuses.Count} answers, {statuses.Count(s => s.Status == 503)} were 503, " +
                         $"{statuses.Count(s => s.Status >= 500 && s.Status != 503)} other 5xx; {acknowledged.Count} returns acknowledged; " +
                         $"writes again {recoveredIn.TotalSeconds:0.0} s after the store came back; answers: " +
                         string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key.What} {g.Key.Status} x{g.Count()}")));
        Assert.DoesNotContain(statuses, s => s.Status >= 500 && s.Status != 503);
        Assert.Contains(statuses, s => s is ("write", 503));
        Assert.True(acknowledged.Count >= before + 5, $"only {acknowledged.Count - before} returns acknowledged in 90 s after the store came back");
        Assert.Null(unresolved);
        // Each page asked during the outage either showed what the grains hold, saying it may be out of date, or said it could not.
        Assert.All(pages, p => Assert.True(
            p is (HttpStatusCode.OK, var ok) && ok.Contains("data-store-outage", StringComparison.Ordinal) ||
            p is (HttpStatusCode.ServiceUnavailable, var refused) && refused.Contains("Figures cannot be shown just now", StringComparison.Ordinal),
            $"{(int)p.Status}: {p.Body[..Math.Min(300, p.Body.Length)]}"));

        // Once the node knows the store is back, pages stop saying so.
        await WaitUntilAsync(async () => !(await reader.GetStringAsync($"/places/{Manchester}")).Contains("data-store-outage", StringComparison.Ordinal));
        // Every acknowledged return is in the ledger exactly once, with its value; every aggregate agrees with the ledger.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        var ledger = (await connection.QueryAsync<(string Period, double Numerator)>(
            "SELECT period, numerator FROM returns_ledger WHERE indicator_code = @DelayedDays", new { DelayedDays })).ToList();
        foreach (var (period, value) in acknowledged) Assert.Equal([value], ledger.Where(l => l.Period == period).Select(l => l.Numerator));
        await WaitUntilAsync(async () => (await app.Get<StoreVerifier>().VerifyAsync()).Count == 0);
    }

    /// <summary>
    /// One agency posting a new month at a time with its own Idempotency-Key, retrying the same key and body until it
    /// gets an answer, as the API documentation tells clients to. Returns the key left without an answer, if any.
    /// </summary>
    private static async Task<string?> PostUntilStoppedAsync(
        HttpClient agency, ConcurrentBag<(string, int)> statuses, ConcurrentDictionary<string, double> acknowledged, CancellationToken stop)
    {
        // Months from 1900-01 (the first a period may name): counting up from a recent year ran into the future on a
        // fast machine. 1,439 months end at 2019-11, before the 2019-12 the test posted first.
        for (var month = 0; month < FirstPostedPeriodMonth; month++)
        {
            var period = $"{1900 + month / 12}-{month % 12 + 1:D2}";
            var value = 100 + month;
            var idempotencyKey = $"outage-{month}";
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                using var response = await Returns.PostKeyedAsync(agency, idempotencyKey, new { place = Manchester, indicator = DelayedDays, period, numerator = value });
                statuses.Add(("write", (int)response.StatusCode));
                if (response.IsSuccessStatusCode)
                {
                    acknowledged[period] = value;
                    break;
                }
                Assert.True(response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.Conflict,
                    $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                if (deadline.Elapsed > TimeSpan.FromSeconds(120)) return idempotencyKey;
                await Task.Delay(250, CancellationToken.None);
            }
            if (stop.IsCancellationRequested) return null;
        }
        Assert.Fail($"posted all {FirstPostedPeriodMonth} months before the test stopped the traffic");
        return null;
    }

    private const int FirstPostedPeriodMonth = (2019 - 1900) * 12 + 11;

    private static Task WaitUntilAsync(Func<Task<bool>> condition) =>
        Eventually.TrueAsync(condition, "the node did not recover within 30 s of the store coming back");
}

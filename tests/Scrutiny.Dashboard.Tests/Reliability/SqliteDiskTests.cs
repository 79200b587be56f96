using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Dapper;
using Microsoft.Data.Sqlite;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Verification;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Reliability;

/// <summary>
/// The embedded database's disk fills up under a running node: writes get 503 with a clear problem (never 500), the
/// file stays intact, nothing acknowledged is lost, and the node writes again once the disk has room, without a
/// restart. A node started on a read-only disk refuses to start, saying why, and leaves the file as it was.
/// </summary>
public sealed class SqliteDiskTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_full_disk_gets_503s_a_read_only_one_a_clear_refusal_to_start_and_the_file_stays_intact()
    {
        using var disk = SmallDisk.Mount(megabytes: 16);
        await using var database = TestDatabase.SqliteIn(disk.Path);
        var acknowledged = new Dictionary<string, double>();
        var refused = new List<string>();
        await using (var app = DashboardApp.StartOn(database))
        {
            var key = await SeedAsync(app);
            using var agency = new HttpClient { BaseAddress = app.BaseAddress };
            agency.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
            var month = 0;

            disk.Fill();
            // SQLite's write-ahead log may still have room for a few pages: write until the disk says no.
            var refusedAt = await PostUntilRefusedAsync(agency, () => month++, acknowledged, refused);
            Assert.Equal(HttpStatusCode.OK, (await agency.GetAsync($"/places/{Manchester}")).StatusCode);
            disk.Free();
            await RetryUntilAcceptedAsync(agency, refusedAt, acknowledged);
            output.WriteLine($"{acknowledged.Count} returns acknowledged; refused with 503: {string.Join(" | ", refused.Distinct())}");
            Assert.Empty(await app.Get<StoreVerifier>().VerifyAsync());
        }

        // A read-only disk can only be made so with nothing open for writing: the node stopped, then started on it.
        disk.ReadOnly();
        var refusal = Assert.ThrowsAny<Exception>(() => DashboardApp.StartOn(database));
        output.WriteLine(refusal.Message);
        Assert.Contains("cannot start: its store", refusal.Message, StringComparison.Ordinal);
        disk.ReadWrite();
        await using (var restarted = DashboardApp.StartOn(database))
        {
            Assert.Equal(HttpStatusCode.OK, (await new HttpClient { BaseAddress = restarted.BaseAddress }.GetAsync($"/places/{Manchester}")).StatusCode);
            Assert.Empty(await restarted.Get<StoreVerifier>().VerifyAsync());
        }

        await using var connection = new Scrutiny.Silo.Store.GatedSqliteConnection(database.ConnectionString);
        Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        var ledger = (await connection.QueryAsync<(string Period, double Numerator)>(
            "SELECT period, numerator FROM returns_ledger WHERE indicator_code = @DelayedDays", new { DelayedDays })).ToList();
        foreach (var (period, value) in acknowledged) Assert.Equal([value], ledger.Where(l => l.Period == period).Select(l => l.Numerator));
    }

    private sealed record Attempt(string Key, string Period, int Value);

    private static Attempt Next(int month) => new($"disk-{month}", $"{1900 + month / 12}-{month % 12 + 1:D2}", 100 + month);

    private static Task<HttpResponseMessage> PostAsync(HttpClient agency, Attempt attempt) =>
        Returns.PostKeyedAsync(agency, attempt.Key, new { place = Manchester, indicator = DelayedDays, period = attempt.Period, numerator = attempt.Value });

    private static async Task<Attempt> PostUntilRefusedAsync(
        HttpClient agency, Func<int> nextMonth, Dictionary<string, double> acknowledged, List<string> refused)
    {
        for (var i = 0; i < 200; i++)
        {
            var attempt = Next(nextMonth());
            using var response = await PostAsync(agency, attempt);
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                acknowledged[attempt.Period] = attempt.Value;
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Contains("data store cannot be reached", body, StringComparison.Ordinal);
            refused.Add(body.Length > 200 ? body[..200] : body);
            return attempt;
        }
        throw new InvalidOperationException("200 returns went in on a disk that should have been full or read-only");
    }

    /// <summary>Retries the refused request with the same key and body, as a client told "Retry-After" would.</summary>
    private static async Task RetryUntilAcceptedAsync(HttpClient agency, Attempt attempt, Dictionary<string, double> acknowledged)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await PostAsync(agency, attempt);
            if (response.IsSuccessStatusCode)
            {
                acknowledged[attempt.Period] = attempt.Value;
                return;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60),
                $"still {(int)response.StatusCode} a minute after the disk was fixed: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(250);
        }
    }
}

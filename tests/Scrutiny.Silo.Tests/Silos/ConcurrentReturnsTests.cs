using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Returns;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Silos;

/// <summary>
/// Eight agencies' clients hammering one indicator in one place through the API at once lose nothing, and more requests
/// at once than the node has store connections are all answered.
/// </summary>
public sealed class ConcurrentReturnsTests
{
    private const int Callers = 8;
    private const int ReturnsEach = 12;

    [Theory, ClassData(typeof(Engines))]
    public async Task Eight_callers_posting_to_one_indicator_at_once_lose_no_value(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);

        // Caller c sends month m of year 2000 + c: every caller's values land in the same grain, none on another's period.
        var expected = new List<double>();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(async c =>
        {
            for (var m = 1; m <= ReturnsEach; m++)
            {
                var value = c * 100 + m;
                lock (expected) expected.Add(value);
                using var response = await api.PostJsonAsync(new
                {
                    returns = new[] { new { place = "E08000003", indicator = "delayed-discharge-days", period = $"{2000 + c}-{m:00}", numerator = (double)value } },
                });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }));

        var series = await api.Node.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days").GetSeriesAsync(DataView.All);
        Assert.Equal((Callers * ReturnsEach, expected.Sum()), (series.Points.Count, series.Points.Sum(p => p.Value!.Value)));
        Assert.Equal((long)(Callers * ReturnsEach), (await api.CountsAsync()).Ledger);
        await using var connection = await api.Node.Services.GetRequiredService<Database>().OpenAsync();
        Assert.Equal(expected.Sum(), await connection.ExecuteScalarAsync<double>("SELECT SUM(numerator) FROM returns_ledger"));
    }

    /// <summary>
    /// Twelve requests at once against a pool of three connections: a request gives its connection back before its grains
    /// write (they take theirs from the same pool). When each held one across them, every connection was held by a
    /// request waiting on a grain waiting for a connection, until the pool's wait ran out and the node answered 503.
    /// </summary>
    [Fact]
    public async Task More_requests_at_once_than_store_connections_are_all_answered()
    {
        await using var api = await ReturnsEndpoint.StartAsync(StoreEngine.Postgres, new Dictionary<string, string?> { ["Scrutiny:Store:MaxPoolSize"] = "3" });

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async c =>
        {
            // Every third a dry run: its preview asks the grains too.
            using var response = await api.PostJsonAsync(new
            {
                returns = Enumerable.Range(1, 12).Select(m => new
                {
                    place = "E08000003", indicator = "delayed-discharge-days", period = $"{2000 + c}-{m:00}", numerator = (double)m,
                }).ToArray(),
            }, query: c % 3 == 0 ? "?dryRun=true" : "");
            return (c, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.OK, $"request {a.c}: {(int)a.StatusCode} {a.Body}"));
        Assert.Equal(8 * 12L, (await api.CountsAsync()).Ledger);
    }
}

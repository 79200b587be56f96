using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Silos;

/// <summary>Eight agencies' clients hammering one indicator in one place through the API at once lose nothing.</summary>
public sealed class ConcurrentReturnsTests
{
    private const int Callers = 8;
    private const int ReturnsEach = 12;

    [Theory, ClassData(typeof(Engines))]
    public async Task Eight_callers_posting_to_one_indicator_at_once_lose_no_value(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var node = await TestNode.StartAsync(database);
        await MinimalCatalogue.SeedAsync(node.CatalogueWriter);
        var key = await node.CreateAgencyKeyAsync("MFT");

        // Caller c sends month m of year 2000 + c: every caller's values land in the same grain, none on another's period.
        var expected = new List<double>();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(async c =>
        {
            for (var m = 1; m <= ReturnsEach; m++)
            {
                var value = c * 100 + m;
                lock (expected) expected.Add(value);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/returns")
                {
                    Content = JsonContent.Create(new { returns = new[] { new { place = "E08000003", indicator = "delayed-discharge-days", period = $"{2000 + c}-{m:00}", numerator = (double)value } } }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
                using var response = await node.Http.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }));

        var series = await node.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days").GetSeriesAsync(DataView.All);
        Assert.Equal((Callers * ReturnsEach, expected.Sum()), (series.Points.Count, series.Points.Sum(p => p.Value!.Value)));
        await using var connection = await node.Services.GetRequiredService<Database>().OpenAsync();
        Assert.Equal((long)(Callers * ReturnsEach), await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM returns_ledger"));
        Assert.Equal(expected.Sum(), await connection.ExecuteScalarAsync<double>("SELECT SUM(numerator) FROM returns_ledger"));
    }
}

using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Store;

/// <summary>Two silo nodes over one store: the store's version check must make them safe without a cluster.</summary>
public sealed class MultiNodeTests
{
    /// <summary>Sends each value as its own call, alternately through node a and node b, all at once.</summary>
    private static Task SubmitThroughBothAsync(TestSilo a, TestSilo b, IEnumerable<ReturnedValue> values) =>
        Task.WhenAll(values.Select((value, i) => Task.Run(() =>
            (i % 2 == 0 ? a : b).Grains.GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days").SubmitAsync(
                new ReturnSubmission($"batch-{i}", "test", DateTimeOffset.UtcNow, [value])))));

    [Theory, ClassData(typeof(Engines))]
    public async Task Concurrent_returns_through_two_nodes_to_one_grain_are_all_kept(StoreEngine engine)
    {
        const int n = 48;
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var a = await TestSilo.StartAsync(database);
        await using var b = await TestSilo.StartAsync(database);
        await a.SeedMinimalCatalogueAsync();
        var periods = Enumerable.Range(0, n).Select(i => new Period(Frequency.Monthly, 2022, 1).Next(i).ToString()).ToList();

        await SubmitThroughBothAsync(a, b, periods.Select((period, i) => new ReturnedValue(period, "MFT", i, null, null)));

        await using var reader = await TestSilo.StartAsync(database);
        var series = await reader.Grains.GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days").GetSeriesAsync(DataView.All);
        Assert.Equal(periods, series.Points.Select(p => p.Period));
        Assert.Equal(Enumerable.Range(0, n).Select(i => (double?)i), series.Points.Select(p => p.Value));

        // The place roll-up was written from both nodes too, and ends at the newest period.
        var latest = Assert.Single((await reader.Grains.GetGrain<IPlaceGrain>("E08000003").GetSummaryAsync()).Latest);
        Assert.Equal((periods[^1], (double?)(n - 1)), (latest.Period, latest.Value));

        await using var connection = await reader.Database.OpenAsync();
        Assert.Equal(n, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM returns_ledger"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Concurrent_revisions_of_one_value_from_two_nodes_get_distinct_revision_numbers(StoreEngine engine)
    {
        const int n = 30;
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var a = await TestSilo.StartAsync(database);
        await using var b = await TestSilo.StartAsync(database);
        await a.SeedMinimalCatalogueAsync();

        await SubmitThroughBothAsync(a, b, Enumerable.Range(1, n).Select(i => new ReturnedValue("2026-07", "MFT", i, null, null)));

        await using var connection = await a.Database.OpenAsync();
        var revisions = (await connection.QueryAsync<long>("SELECT revision FROM returns_ledger ORDER BY revision")).ToList();
        Assert.Equal(Enumerable.Range(1, n).Select(i => (long)i), revisions);
    }
}

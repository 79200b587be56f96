using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Silos;

/// <summary>
/// Two silos of one cluster over one store, with calls for one grain arriving through both at once: Orleans keeps one
/// activation, so every value is kept and every revision numbered once, with no version race to lose.
/// </summary>
public sealed class TwoSiloTests
{
    /// <summary>Sends each value as its own call, alternately through silo 0 and silo 1, all at once.</summary>
    private static Task SubmitThroughBothAsync(GrainCluster c, IEnumerable<ReturnedValue> values) =>
        Task.WhenAll(values.Select((value, i) => Task.Run(() =>
            c.Silo(i % 2).GetRequiredService<IGrainFactory>().GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days").SubmitAsync(
                new ReturnSubmission($"batch-{i}", "test", DateTimeOffset.UtcNow, [value])))));

    [Theory, ClassData(typeof(Engines))]
    public async Task Concurrent_returns_through_two_silos_to_one_grain_are_all_kept(StoreEngine engine)
    {
        const int n = 48;
        await using var c = await GrainCluster.StartAsync(engine, silos: 2);
        var periods = Enumerable.Range(0, n).Select(i => new Period(Frequency.Monthly, 2022, 1).Next(i).ToString()).ToList();

        await SubmitThroughBothAsync(c, periods.Select((period, i) => new ReturnedValue(period, "MFT", i, null, null)));

        var series = await c.Client.GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days").GetSeriesAsync(DataView.All);
        Assert.Equal(periods, series.Points.Select(p => p.Period));
        Assert.Equal(Enumerable.Range(0, n).Select(i => (double?)i), series.Points.Select(p => p.Value));
        // The place roll-up ends at the newest period.
        var latest = Assert.Single((await c.Client.GetGrain<IPlaceGrain>("E08000003").GetSummaryAsync()).Latest);
        Assert.Equal((periods[^1], (double?)(n - 1)), (latest.Period, latest.Value));

        await using var connection = await c.Silo(0).GetRequiredService<Database>().OpenAsync();
        Assert.Equal(n, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM returns_ledger"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Concurrent_revisions_of_one_value_through_two_silos_get_distinct_revision_numbers(StoreEngine engine)
    {
        const int n = 30;
        await using var c = await GrainCluster.StartAsync(engine, silos: 2);

        await SubmitThroughBothAsync(c, Enumerable.Range(1, n).Select(i => new ReturnedValue("2026-07", "MFT", i, null, null)));

        await using var connection = await c.Silo(0).GetRequiredService<Database>().OpenAsync();
        var revisions = (await connection.QueryAsync<long>("SELECT revision FROM returns_ledger ORDER BY revision")).ToList();
        Assert.Equal(Enumerable.Range(1, n).Select(i => (long)i), revisions);
    }
}

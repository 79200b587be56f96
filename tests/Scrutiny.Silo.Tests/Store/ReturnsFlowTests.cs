using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Store;

public sealed class ReturnsFlowTests
{
    private static readonly DateTimeOffset At = new(2026, 8, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory, ClassData(typeof(Engines))]
    public async Task Returns_are_combined_across_agencies_ledgered_and_rolled_up_to_the_place(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();
        var grain = silo.Grains.GetGrain<IIndicatorGrain>("E08000003/emergency-admissions-65plus");

        var first = await grain.SubmitAsync(new ReturnSubmission("b1", "test", At, [
            new ReturnedValue("2026-06", "MFT", 400, 61000, null),
            new ReturnedValue("2026-07", "MFT", 412, 61000, "provisional"),
            new ReturnedValue("2026-07", "MCC", 30, 1000, null),
        ]));
        var second = await grain.SubmitAsync(new ReturnSubmission("b2", "test", At.AddDays(1), [
            new ReturnedValue("2026-07", "MFT", 412, 61000, "provisional"),
            new ReturnedValue("2026-07", "MCC", 31, 1000, "corrected"),
        ]));

        Assert.Equal([ReturnOutcome.Imported, ReturnOutcome.Imported, ReturnOutcome.Imported], first.Outcomes);
        Assert.Equal([ReturnOutcome.Unchanged, ReturnOutcome.Updated], second.Outcomes);

        var series = await grain.GetSeriesAsync(DataView.All);
        Assert.Equal(["2026-06", "2026-07"], series.Points.Select(p => p.Period));
        var july = series.Points[1];
        Assert.Equal(443, july.Numerator);
        Assert.Equal(62000, july.Denominator);
        Assert.Equal(100_000 * 443 / 62000.0, july.Value!.Value, 9);
        Assert.Equal(2, july.Contributions.Single(c => c.Agency == "MCC").Revision);

        var place = await silo.Grains.GetGrain<IPlaceGrain>("E08000003").GetSummaryAsync();
        var latest = Assert.Single(place.Latest);
        Assert.Equal(("emergency-admissions-65plus", "2026-07"), (latest.Indicator, latest.Period));
        Assert.Equal(july.Value, latest.Value);

        await using var connection = await silo.Database.OpenAsync();
        var ledger = (await connection.QueryAsync<(string Agency, string Period, long Revision, string Batch)>(
            "SELECT agency_code, period, revision, batch_id FROM returns_ledger ORDER BY id")).ToList();
        Assert.Equal([("MFT", "2026-06", 1L, "b1"), ("MFT", "2026-07", 1L, "b1"), ("MCC", "2026-07", 1L, "b1"), ("MCC", "2026-07", 2L, "b2")], ledger);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Values_taken_in_any_order_keep_every_combined_point_in_period_order(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();
        var grain = silo.Grains.GetGrain<IIndicatorGrain>("E08000003/emergency-admissions-65plus");
        var random = new Random(7);
        string[] agencies = ["MFT", "MCC"];
        var held = new Dictionary<(string Period, string Agency), (double Numerator, double Denominator)>();
        for (var round = 0; round < 15; round++)
        {
            // Periods before, between and after those held, and now and then one period twice in a submission.
            var values = new List<ReturnedValue>();
            for (var k = random.Next(1, 7); k > 0; k--)
            {
                var value = new ReturnedValue($"{2019 + random.Next(6)}-{random.Next(1, 13):00}", agencies[random.Next(2)], random.Next(1, 500), 1000 + random.Next(100), null);
                values.Add(value);
                held[(value.Period, value.Agency)] = (value.Numerator, value.Denominator!.Value);
            }
            await grain.SubmitAsync(new ReturnSubmission($"b{round}", "test", At.AddDays(round), values));

            // Read after every submission, so that the next one changes points already combined rather than combining afresh.
            var series = await grain.GetSeriesAsync(DataView.All);
            var expected = held.GroupBy(h => h.Key.Period).OrderBy(g => Period.Parse(g.Key))
                .Select(g => (g.Key, g.Sum(h => h.Value.Numerator), g.Sum(h => h.Value.Denominator))).ToList();
            Assert.Equal(expected, series.Points.Select(p => (p.Period, p.Numerator, p.Denominator!.Value)).ToList());
        }
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_restarted_node_reads_back_every_accepted_value(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using (var silo = await TestSilo.StartAsync(database))
        {
            await silo.SeedMinimalCatalogueAsync();
            await silo.Grains.GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days")
                .SubmitAsync(new ReturnSubmission("b1", "test", At, [new ReturnedValue("2026-07", "MFT", 120, null, null)]));
        }
        await using var restarted = await TestSilo.StartAsync(database);
        var series = await restarted.Grains.GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days").GetSeriesAsync(DataView.All);
        Assert.Equal(120, Assert.Single(series.Points).Value);
        var place = await restarted.Grains.GetGrain<IPlaceGrain>("E08000003").GetSummaryAsync();
        Assert.Equal(120, Assert.Single(place.Latest).Value);
    }
}

/// <summary>A submission that died between the indicator's write and the place's: its retry brings the place up to date.</summary>
public sealed class InterruptedRollUpTests
{
    private static readonly DateTimeOffset At = new(2026, 8, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory, ClassData(typeof(Engines))]
    public async Task A_retry_that_changes_no_value_still_gives_the_place_its_latest_value(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var submission = new ReturnSubmission("b1", "test", At, [new ReturnedValue("2026-07", "MFT", 120, null, null)]);
        await using (var silo = await TestSilo.StartAsync(database))
        {
            await silo.SeedMinimalCatalogueAsync();
            await silo.Grains.GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days").SubmitAsync(submission);
            // The place's write, undone: as if the process died after the indicator's transaction committed.
            await using var connection = await silo.Database.OpenAsync();
            await connection.ExecuteAsync("DELETE FROM grain_state WHERE grain_type = 'place'");
        }

        await using var restarted = await TestSilo.StartAsync(database);
        var outcome = await restarted.Grains.GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days").SubmitAsync(submission);

        Assert.Equal([ReturnOutcome.Unchanged], outcome.Outcomes);
        var place = await restarted.Grains.GetGrain<IPlaceGrain>("E08000003").GetSummaryAsync();
        Assert.Equal(("2026-07", 120.0), (Assert.Single(place.Latest).Period, Assert.Single(place.Latest).Value));
        Assert.Empty(await restarted.Services.GetRequiredService<Scrutiny.Silo.Verification.StoreVerifier>().VerifyAsync());
    }
}

using System.Threading.Channels;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Silos;

/// <summary>
/// The indicator grain on Orleans' test cluster, with the real grain storage: what a write keeps together, what a lost
/// race or a failed write leaves behind, and (two silos) what crosses from one silo to another.
/// </summary>
public sealed class IndicatorGrainClusterTests
{
    private const string Key = "E08000003/delayed-discharge-days";
    private static readonly DateTimeOffset At = new(2026, 8, 3, 9, 0, 0, TimeSpan.Zero);

    private static ReturnSubmission Submission(string batch, params (string Period, double Value)[] values) =>
        new(batch, "test", At, [.. values.Select(v => new ReturnedValue(v.Period, "MFT", v.Value, null, null))]);

    private static async Task<T> ScalarAsync<T>(GrainCluster c, string sql, object? args = null)
    {
        await using var connection = await c.Silo(0).GetRequiredService<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException(sql);
    }

    private static Task<long> VersionAsync(GrainCluster c) =>
        ScalarAsync<long>(c, "SELECT version FROM grain_state WHERE grain_type = @type AND grain_key = @key", new { type = GrainStates.Indicator, key = Key });

    private static Task<long> LedgerRowsAsync(GrainCluster c) =>
        ScalarAsync<long>(c, "SELECT COUNT(*) FROM returns_ledger WHERE place_code = 'E08000003' AND indicator_code = 'delayed-discharge-days'");

    [Fact]
    public async Task A_reference_made_from_its_id_is_the_grain_GetGrain_gives_from_a_client_and_from_a_silo()
    {
        await using var c = await GrainCluster.StartAsync(StoreEngine.Sqlite);
        var silo = c.Silo(0).GetRequiredService<IGrainFactory>();
        var (place, indicator) = IndicatorKey.Parse(Key);
        foreach (var factory in new IGrainFactory[] { c.Client, silo })
        {
            var made = factory.IndicatorGrain(place, indicator);
            var given = factory.GetGrain<IIndicatorGrain>(Key);
            Assert.Equal(given.GetGrainId(), made.GetGrainId());
            Assert.Equal(((GrainReference)given).InterfaceType, ((GrainReference)made).InterfaceType);
            // Each interface its own types: a place's reference is not made with the indicator's found first.
            Assert.Equal(factory.GetGrain<IPlaceGrain>(place).GetGrainId(), factory.Grain<IPlaceGrain>(place).GetGrainId());
        }

        // A value sent through the client's reference is read back through the silo's.
        await c.Client.IndicatorGrain(place, indicator).SubmitAsync(Submission("b1", ("2026-06", 100)));
        var series = await silo.IndicatorGrain(place, indicator).GetSeriesAsync(DataView.All);
        Assert.Equal([100.0], series.Points.Select(p => p.Value!.Value));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_submission_through_the_gateway_writes_its_state_and_ledger_rows_once_and_answers_what_each_value_did(StoreEngine engine)
    {
        await using var c = await GrainCluster.StartAsync(engine);
        var grain = c.Client.GetGrain<IIndicatorGrain>(Key);

        var first = await grain.SubmitAsync(Submission("b1", ("2026-06", 100), ("2026-07", 120)));
        var second = await grain.SubmitAsync(Submission("b2", ("2026-06", 100), ("2026-07", 125)));

        Assert.Equal([ReturnOutcome.Imported, ReturnOutcome.Imported], first.Outcomes);
        Assert.Equal([ReturnOutcome.Unchanged, ReturnOutcome.Updated], second.Outcomes);
        // The series and its statistics came back through the serializer, as a call from another silo would.
        var series = await grain.GetSeriesAsync(DataView.All);
        Assert.Equal([100.0, 125.0], series.Points.Select(p => p.Value!.Value));
        Assert.Equal(2, series.Statistics.Points.Count);
        Assert.Equal((3L, 2L), (await LedgerRowsAsync(c), await VersionAsync(c)));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_write_whose_ledger_rows_fail_keeps_neither_and_the_grain_answers_from_the_store_again(StoreEngine engine)
    {
        await using var c = await GrainCluster.StartAsync(engine);
        var grain = c.Client.GetGrain<IIndicatorGrain>(Key);
        await grain.SubmitAsync(Submission("b1", ("2026-06", 100)));

        await ScalarAsync<long>(c, "ALTER TABLE returns_ledger RENAME TO returns_ledger_away; SELECT 1");
        await Assert.ThrowsAnyAsync<Exception>(() => grain.SubmitAsync(Submission("b2", ("2026-06", 200))));
        await ScalarAsync<long>(c, "ALTER TABLE returns_ledger_away RENAME TO returns_ledger; SELECT 1");

        // The 200 the failed call put in memory went with its activation: the store's 100 is what is read.
        Assert.Equal(100, Assert.Single((await grain.GetSeriesAsync(DataView.All)).Points).Value);
        Assert.Equal((1L, 1L), (await LedgerRowsAsync(c), await VersionAsync(c)));
        Assert.Equal([ReturnOutcome.Updated], (await grain.SubmitAsync(Submission("b2", ("2026-06", 200)))).Outcomes);
        Assert.Equal((2L, 2L), (await LedgerRowsAsync(c), await VersionAsync(c)));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_write_that_finds_a_newer_stored_version_is_refused_as_inconsistent_and_the_retry_builds_on_the_newer_state(StoreEngine engine)
    {
        await using var c = await GrainCluster.StartAsync(engine);
        var grain = c.Client.GetGrain<IIndicatorGrain>(Key);
        await grain.SubmitAsync(Submission("b1", ("2026-06", 100)));

        // Someone else (another cluster on the same store) wrote version 2 behind this activation's back.
        await ScalarAsync<long>(c, "UPDATE grain_state SET version = 2 WHERE grain_type = @type AND grain_key = @key; SELECT 1",
            new { type = GrainStates.Indicator, key = Key });
        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SubmitAsync(Submission("b2", ("2026-07", 110))));
        Assert.Equal(1L, await LedgerRowsAsync(c));

        // Retried idempotently (as the batch applier does): the grain starts again at version 2 and writes version 3.
        Assert.Equal([ReturnOutcome.Imported], (await grain.SubmitAsync(Submission("b2", ("2026-07", 110)))).Outcomes);
        Assert.Equal((2L, 3L), (await LedgerRowsAsync(c), await VersionAsync(c)));
    }

    [Fact]
    public async Task A_target_set_on_an_indicator_with_no_values_is_read_back_after_the_series_was_read_before_it()
    {
        await using var c = await GrainCluster.StartAsync(StoreEngine.Sqlite);
        var grain = c.Client.GetGrain<IIndicatorGrain>(Key);
        Assert.Null((await grain.GetSeriesAsync(DataView.All)).Settings.Target);

        await grain.SetTargetAsync(42, new SettingChange("agreed at the board", "test", DateTimeOffset.UtcNow));

        Assert.Equal(42, (await grain.GetSeriesAsync(DataView.All)).Settings.Target?.Value);
        Assert.Equal(42, (await grain.GetSeriesAsync(DataView.Published)).Settings.Target?.Value);
    }

    [Fact]
    public async Task On_two_silos_a_grain_has_one_activation_and_its_change_reaches_the_other_silos_node()
    {
        await using var c = await GrainCluster.StartAsync(StoreEngine.Sqlite, silos: 2);
        var heard = Channel.CreateUnbounded<Change>();
        using var listening = c.Silo(1).GetRequiredService<IChangeFeed>().Subscribe(new ChannelListener(heard.Writer));

        await c.Silo(0).GetRequiredService<IGrainFactory>().GetGrain<IIndicatorGrain>(Key).SubmitAsync(Submission("b1", ("2026-07", 77)));
        var fromOther = await c.Silo(1).GetRequiredService<IGrainFactory>().GetGrain<IIndicatorGrain>(Key).GetSeriesAsync(DataView.All);

        Assert.Equal(77, Assert.Single(fromOther.Points).Value);
        var active = await c.Client.GetGrain<IManagementGrain>(0).GetActiveGrains(GrainType.Create(GrainStates.Indicator));
        Assert.Equal([Key], active.Select(id => id.Key.ToString()));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var changes = new List<Change>();
        // The indicator's change and its place's come from two grains: either may reach the feed first.
        while (!changes.Any(ch => ch.Kind == ChangeKinds.Place) || !changes.Any(ch => ch.Kind == ChangeKinds.Indicator))
            changes.Add(await heard.Reader.ReadAsync(timeout.Token));
        Assert.Contains(changes, ch => ch.Kind == ChangeKinds.Indicator && ch.Groups.SequenceEqual([ChangeGroups.Indicator("E08000003", "delayed-discharge-days")]));
        Assert.Contains(changes, ch => ch.Kind == ChangeKinds.Place && ch.Value == 77);
    }

    [Fact]
    public async Task A_place_told_of_several_indicators_at_once_publishes_a_change_for_each_it_takes_in_the_order_told()
    {
        await using var c = await GrainCluster.StartAsync(StoreEngine.Sqlite);
        var heard = Channel.CreateUnbounded<Change>();
        using var listening = c.Silo(0).GetRequiredService<IChangeFeed>().Subscribe(new ChannelListener(heard.Writer));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        // The place's boards announce their own changes on the same feed.
        async Task<Change> NextPlaceChangeAsync()
        {
            while (true)
                if (await heard.Reader.ReadAsync(timeout.Token) is { Kind: ChangeKinds.Place } change) return change;
        }
        var place = c.Client.GetGrain<IPlaceGrain>("E08000003");
        await place.OnIndicatorsChangedAsync([new IndicatorNews(new IndicatorLatest("smoking", "2026-05", 12, 12, null, At), Published: true)]);
        Assert.Equal("smoking", (await NextPlaceChangeAsync()).Keys[ChangeKeys.Indicator]);

        // An older period than the place holds is not taken, and not announced (it would come between the other two).
        await place.OnIndicatorsChangedAsync([
            new IndicatorNews(new IndicatorLatest("obesity", "2026-06", 30, 30, null, At), Published: false),
            new IndicatorNews(new IndicatorLatest("smoking", "2026-04", 99, 99, null, At), Published: true),
            new IndicatorNews(new IndicatorLatest("delayed-discharge-days", "2026-06", 7, 7, null, At), Published: true)]);

        var (first, second) = (await NextPlaceChangeAsync(), await NextPlaceChangeAsync());
        Assert.Equal(["obesity", "delayed-discharge-days"], new[] { first, second }.Select(ch => ch.Keys[ChangeKeys.Indicator]));
        Assert.All(new[] { first, second }, ch => Assert.Equal([ChangeGroups.Place("E08000003")], ch.Groups));
        Assert.Equal((true, 30.0), (first.Unpublished, first.Value!.Value));
        Assert.Equal((false, 7.0), (second.Unpublished, second.Value!.Value));
        Assert.Equal(12, (await place.GetSummaryAsync()).Latest.Single(l => l.Indicator == "smoking").Value);
    }
}

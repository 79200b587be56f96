using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Silos;

/// <summary>
/// An indicator's contributions are its ledger rows, not part of its stored state: a return appends rows and rewrites
/// only the settings, however long the history, and an activation reads back exactly what the last one held.
/// </summary>
public sealed class IndicatorStorageTests
{
    private const string Key = "E08000003/delayed-discharge-days";

    // Not a whole microsecond: PostgreSQL keeps microseconds, so the grain keeps what it will read back.
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 8, 3, 9, 0, 0, TimeSpan.FromHours(1)).AddTicks(1_234_567);

    private static ReturnSubmission Submission(string batch, string agency, DateTimeOffset at, IEnumerable<(string Period, double Value)> values) =>
        new(batch, "test", at, [.. values.Select(v => new ReturnedValue(v.Period, agency, v.Value, null, agency == "MFT" ? "checked" : null))]);

    private static IEnumerable<(string, double)> Months(int count, double offset) =>
        Enumerable.Range(0, count).Select(i => (new DateOnly(2021, 1, 1).AddMonths(i).ToString("yyyy-MM"), 100 + i + offset));

    [Theory, ClassData(typeof(Engines))]
    public async Task The_stored_state_does_not_grow_with_history_and_an_activation_reads_back_every_contribution(StoreEngine engine)
    {
        await using var c = await GrainCluster.StartAsync(engine);
        var grain = c.Client.GetGrain<IIndicatorGrain>(Key);
        await grain.SubmitAsync(Submission("b1", "MFT", At, Months(1, 0)));
        var oneMonth = await StateLengthAsync(c);

        await grain.SubmitAsync(Submission("b2", "MFT", At.AddMinutes(1), Months(60, 0)));
        await grain.SubmitAsync(Submission("b3", "SALFORD-CCG", At.AddMinutes(2), Months(60, 5)));
        // A correction: revision 2 of one value.
        await grain.SubmitAsync(Submission("b4", "MFT", At.AddMinutes(3), [("2021-03", 999)]));
        var before = await grain.GetSeriesAsync(DataView.All);

        Assert.Equal(oneMonth, await StateLengthAsync(c));
        await c.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var after = await grain.GetSeriesAsync(DataView.All);

        Assert.Equal(60, after.Points.Count);
        Assert.Equal(Describe(before), Describe(after));
        var corrected = after.Points.Single(p => p.Period == "2021-03").Contributions.Single(x => x.Agency == "MFT");
        Assert.Equal((999.0, 2, "b4", "checked"), (corrected.Numerator, corrected.Revision, corrected.BatchId, corrected.Note));
        Assert.Equal(At.AddMinutes(3).AddTicks(-(At.Ticks % 10)), corrected.SubmittedAt);
        // Values read back are judged as the same values: nothing is counted again.
        Assert.All((await grain.SubmitAsync(Submission("b5", "SALFORD-CCG", At, Months(60, 5)))).Outcomes, o => Assert.Equal(ReturnOutcome.Unchanged, o));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Periods_sent_out_of_order_and_revised_make_the_series_a_new_activation_reads(StoreEngine engine)
    {
        await using var c = await GrainCluster.StartAsync(engine);
        var grain = c.Client.GetGrain<IIndicatorGrain>(Key);
        var months = Months(24, 0).ToList();
        // The newest year first, then the older year's odd months, then its even ones: each batch lands before, between
        // and after the periods the grain already holds (it keeps its combined points between batches).
        await grain.SubmitAsync(Submission("b1", "MFT", At, months[12..]));
        await grain.SubmitAsync(Submission("b2", "MFT", At.AddMinutes(1), months[..12].Where((_, i) => i % 2 == 1)));
        await grain.SubmitAsync(Submission("b3", "MFT", At.AddMinutes(2), months[..12].Where((_, i) => i % 2 == 0)));
        // Another agency's values for some of them, and a revision: periods held already, combined again.
        await grain.SubmitAsync(Submission("b4", "SALFORD-CCG", At.AddMinutes(3), months[5..9]));
        await grain.SubmitAsync(Submission("b5", "MFT", At.AddMinutes(4), [(months[7].Item1, 7)]));
        var before = await grain.GetSeriesAsync(DataView.All);
        var latest = (await grain.GetLatestAsync(DataView.All))!;
        // The place was told the icons from the chart and trend alone, before any reader asked for the statistics.
        var told = (await c.Client.GetGrain<IPlaceGrain>("E08000003").GetSummaryAsync()).Latest.Single(l => l.Indicator == "delayed-discharge-days");
        Assert.Equal((latest.Period, latest.Value, latest.VariationIcon, latest.AssuranceIcon, latest.RecentTrend),
            (told.Period, told.Value, told.VariationIcon, told.AssuranceIcon, told.RecentTrend));

        await c.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var after = await grain.GetSeriesAsync(DataView.All);

        Assert.Equal(months.Select(m => m.Item1), before.Points.Select(p => p.Period));
        Assert.Equal(Describe(after), Describe(before));
        Assert.Equal(after.Points.Select(p => p.Value), before.Points.Select(p => p.Value));
        Assert.Equal(after.Statistics.VariationIcon, before.Statistics.VariationIcon);
        Assert.Equal(latest, await grain.GetLatestAsync(DataView.All));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Indicators_waking_at_once_share_reads_and_each_gets_its_own_contributions_and_settings(StoreEngine engine)
    {
        await using var c = await GrainCluster.StartAsync(engine);
        // More than one read takes, so that the waking grains need several queries; each a different history.
        var keys = Enumerable.Range(0, IndicatorStateReads.MaxGrainsARead + 40).Select(i => IndicatorKey.For($"E0{i:D7}", "delayed-discharge-days")).ToList();
        var database = c.Silo(0).GetRequiredService<Database>();
        // Stored as the grains store them (their places are not in the catalogue, so the grains could not tell them):
        // each grain's ledger rows, a second revision of its first month, and a settings row for every third.
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var entries = keys.SelectMany((k, i) => Months(1 + i % 7, i).Select((m, n) =>
                new LedgerEntry($"b{i}", IndicatorKey.Parse(k).Place, "delayed-discharge-days", m.Item1, "MFT", 1, n == 0 ? -1 : m.Item2, null, null, "test", At))).ToList();
            entries.AddRange(keys.Select((k, i) => entries.First(e => e.BatchId == $"b{i}") with { Revision = 2, Numerator = 100 + i }));
            await LedgerWriter.AppendAsync(connection, transaction, entries, engine);
            foreach (var (key, i) in keys.Select((k, i) => (k, i)).Where(x => x.i % 3 == 0))
                await connection.ExecuteAsync("INSERT INTO grain_state (grain_type, grain_key, version, data, updated_at) VALUES (@type, @key, @version, @data, @at)",
                    new { type = GrainStates.Indicator, key, version = i + 1, data = StateWithTarget(i), at = SqlDialect.Timestamp(At, engine) }, transaction);
            return true;
        });

        var reads = c.Silo(0).GetRequiredService<IndicatorStateReads>();
        var read = await Task.WhenAll(keys.Select(k => reads.ReadAsync(k)));
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal(Months(1 + i % 7, i).Select(m => (m.Item1, m.Item2)).Order(),
                read[i].Periods.Select(p => (p.Key, Assert.Single(p.Value).Numerator)).Order());
            Assert.Equal(i % 3 == 0 ? (StateWithTarget(i), i + 1) : null, read[i].Row);
        }
        // A key that names no place and indicator fails alone; a grain with nothing stored reads as empty.
        Assert.Throws<ArgumentException>(() => { _ = reads.ReadAsync("not-a-key"); });
        var empty = await reads.ReadAsync(IndicatorKey.For("E09999999", "delayed-discharge-days"));
        Assert.Equal((null, 0), (empty.Row, empty.Periods.Count));

        // Woken again all at once through Orleans, each grain answers with its own series.
        var series = await Task.WhenAll(keys.Select(k => c.Client.GetGrain<IIndicatorGrain>(k).GetSeriesAsync(DataView.All)));
        Assert.All(series.Select((s, i) => (s, i)), x => Assert.Equal(Months(1 + x.i % 7, x.i).Select(m => m.Item2), x.s.Points.Select(p => p.Value!.Value)));
        Assert.All(series.Select((s, i) => (s, i)), x => Assert.Equal(x.i % 3 == 0 ? x.i : null, x.s.Settings.Target?.Value));
    }

    [Fact]
    public async Task Waking_grains_read_the_ledger_through_its_key_whatever_its_statistics_say()
    {
        await using var c = await GrainCluster.StartAsync(StoreEngine.Postgres);
        var database = c.Silo(0).GetRequiredService<Database>();
        // A ledger whose statistics count many rows a place and indicator (20 places, 10 indicators, 500 months each):
        // joined to the pairs asked for, PostgreSQL's planner read the whole table and hashed it.
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await LedgerWriter.AppendAsync(connection, transaction, Enumerable.Range(0, 100_000).Select(n => new LedgerEntry("b1",
                $"E08{n % 20:D6}", $"indicator-{n / 20 % 10}", new DateOnly(1980, 1, 1).AddMonths(n / 200).ToString("yyyy-MM"), "MFT", 1, n, null, null,
                "test", At)), StoreEngine.Postgres);
            return true;
        });
        var keys = Enumerable.Range(0, IndicatorStateReads.MaxGrainsARead).Select(i => IndicatorKey.For($"E09{i:D6}", "delayed-discharge-days")).ToList();
        var parameters = new DynamicParameters();
        LedgerContributions.AddPairs(parameters, [.. keys.Select(IndicatorKey.Parse)]);
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("ANALYZE returns_ledger");
            var plan = string.Join("\n", await connection.QueryAsync<string>(
                $"EXPLAIN {LedgerContributions.ForIndicators(keys.Count, StoreEngine.Postgres)}", parameters));
            Assert.DoesNotContain("Seq Scan on returns_ledger", plan);
            Assert.Contains("Index Cond", plan);
        }

        // And what it reads is still each grain's own: none here, one grain with history of its own.
        var reads = c.Silo(0).GetRequiredService<IndicatorStateReads>();
        var read = await Task.WhenAll(keys.Append(IndicatorKey.For("E08000003", "indicator-3")).Select(k => reads.ReadAsync(k)));
        Assert.All(read[..^1], r => Assert.Empty(r.Periods));
        Assert.Equal(500, read[^1].Periods.Count);
        Assert.All(read[^1].Periods.Values, p => Assert.Equal(3, Assert.Single(p).Numerator % 20));
    }

    private static string StateWithTarget(int target) =>
        System.Text.Json.JsonSerializer.Serialize(new Grains.Grains.IndicatorState { Target = new TargetSetting(target, new SettingChange("test", "test", At)) }, GrainJson.Options);

    private static async Task<int> StateLengthAsync(GrainCluster c)
    {
        await using var connection = await c.Silo(0).GetRequiredService<Database>().OpenAsync();
        var data = await connection.ExecuteScalarAsync<string>("SELECT data FROM grain_state WHERE grain_type = @type AND grain_key = @key",
            new { type = GrainStates.Indicator, key = Key });
        Assert.DoesNotContain("periods", data!, StringComparison.OrdinalIgnoreCase);
        return data!.Length;
    }

    private static List<string> Describe(IndicatorSeries series) =>
        [.. series.Points.SelectMany(p => p.Contributions.Select(x =>
            $"{p.Period} {p.Value} {x.Agency} {x.Numerator} {x.Denominator} {x.Note} {x.Revision} {x.BatchId} {x.SubmittedBy} {x.SubmittedAt.UtcTicks}"))];
}

using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Returns;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Returns;

/// <summary>A batch accepted but cut short by a crash is applied when the node starts again.</summary>
public sealed class BatchRecoveryTests
{
    [Theory, ClassData(typeof(Engines))]
    public async Task An_accepted_batch_that_crashed_before_its_ledger_commit_is_applied_from_its_staged_rows_at_start_up(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using (var silo = await TestSilo.StartAsync(database))
        {
            await silo.SeedMinimalCatalogueAsync();
            // What a crash before the commit leaves: a committed, accepted batch, staged, with nothing in the ledger.
            await StageCrashedBatchAsync(silo.Database);
        }

        await using var restarted = await TestSilo.StartAsync(database);

        var admissions = await restarted.Grains.GetGrain<IIndicatorGrain>("E08000003/emergency-admissions-65plus").GetSeriesAsync(DataView.All);
        Assert.Equal("from the trust", Assert.Single(Assert.Single(admissions.Points).Contributions).Note);
        await using var check = await restarted.Database.OpenAsync();
        Assert.Equal(3, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM returns_ledger WHERE batch_id = 'crashed'"));
        var (status, answer) = await check.QuerySingleAsync<(string, string)>("SELECT status, answer FROM return_batches WHERE id = 'crashed'");
        Assert.Equal(BatchHeader.Applied, status);
        Assert.Contains("\"imported\":3,\"updated\":0,\"unchanged\":0", answer);
        Assert.Equal(["delayed-discharge-days", "emergency-admissions-65plus"], await PlaceIndicatorsAsync(restarted));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task An_accepted_batch_that_crashed_after_its_ledger_commit_reaches_its_grains_and_place_at_start_up_without_doubling(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var answer = "{\"batchId\":\"crashed\",\"imported\":3,\"updated\":0,\"unchanged\":0}";
        await using (var silo = await TestSilo.StartAsync(database))
        {
            await silo.SeedMinimalCatalogueAsync();
            // What a crash after the commit leaves: the batch's entries and answer in, no grain or place told.
            var receivedAt = await StageCrashedBatchAsync(silo.Database);
            await silo.Database.InTransactionAsync(async (connection, transaction) =>
            {
                await LedgerWriter.AppendAsync(connection, transaction,
                [
                    new LedgerEntry("crashed", "E08000003", "delayed-discharge-days", "2026-06", "MFT", 1, 90, null, null, "test", receivedAt),
                    new LedgerEntry("crashed", "E08000003", "delayed-discharge-days", "2026-07", "MFT", 1, 95, null, null, "test", receivedAt),
                    new LedgerEntry("crashed", "E08000003", "emergency-admissions-65plus", "2026-07", "MFT", 1, 412, 61000, "from the trust", "test", receivedAt),
                ], engine);
                return await connection.ExecuteAsync("UPDATE return_batches SET result = @answer, answer = @answer WHERE id = 'crashed'", new { answer }, transaction);
            });
        }

        await using var restarted = await TestSilo.StartAsync(database);

        Assert.Equal(["delayed-discharge-days", "emergency-admissions-65plus"], await PlaceIndicatorsAsync(restarted));
        var discharges = await restarted.Grains.GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days").GetSeriesAsync(DataView.All);
        Assert.Equal([90.0, 95.0], discharges.Points.Select(p => p.Value ?? double.NaN));
        await using var check = await restarted.Database.OpenAsync();
        Assert.Equal(3, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM returns_ledger"));
        var (status, kept) = await check.QuerySingleAsync<(string, string)>("SELECT status, answer FROM return_batches WHERE id = 'crashed'");
        Assert.Equal(BatchHeader.Applied, status);
        // The answer committed with the entries is the batch's answer: not planned again, so not counted as unchanged.
        Assert.Equal(answer, kept);
    }

    /// <summary>Three rows of MFT's for two of Manchester's indicators, staged in an accepted batch an hour old.</summary>
    private static async Task<DateTimeOffset> StageCrashedBatchAsync(Database database)
    {
        var receivedAt = DateTimeOffset.UtcNow.AddHours(-1);
        receivedAt = receivedAt.AddTicks(-(receivedAt.Ticks % TimeSpan.TicksPerMicrosecond));
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO return_batches (id, agency_code, submitted_by, source, row_count, status, received_at) VALUES ('crashed', 'MFT', 'test', 'csv', 3, 'accepted', @at)",
            new { at = SqlDialect.Timestamp(receivedAt, database.Engine) });
        await connection.ExecuteAsync(
            """
            INSERT INTO return_batch_rows (batch_id, row_number, place_code, indicator_code, period, numerator, denominator, note)
            VALUES ('crashed', 1, 'E08000003', 'delayed-discharge-days', '2026-06', 90, NULL, NULL),
                   ('crashed', 2, 'E08000003', 'delayed-discharge-days', '2026-07', 95, NULL, NULL),
                   ('crashed', 3, 'E08000003', 'emergency-admissions-65plus', '2026-07', 412, 61000, 'from the trust')
            """);
        return receivedAt;
    }

    /// <summary>The indicators whose latest value Manchester's place grain holds.</summary>
    private static async Task<string[]> PlaceIndicatorsAsync(TestSilo silo) =>
        [.. (await silo.Grains.GetGrain<IPlaceGrain>("E08000003").GetSummaryAsync()).Latest.Select(l => l.Indicator).Order(StringComparer.Ordinal)];

    /// <summary>A batch of three months of delayed-discharge-days, accepted by <paramref name="instance"/> and not applied.</summary>
    private static async Task AcceptedBatchAsync(Database database, string id, string instance)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO return_batches (id, agency_code, submitted_by, source, row_count, status, received_at, accepted_by) VALUES (@id, 'MFT', 'test', 'json', 1, 'accepted', @at, @instance)",
            new { id, instance, at = SqlDialect.Timestamp(DateTimeOffset.UtcNow, database.Engine) });
        await connection.ExecuteAsync(
            "INSERT INTO return_batch_rows (batch_id, row_number, place_code, indicator_code, period, numerator, denominator, note) VALUES (@id, 1, 'E08000003', 'delayed-discharge-days', @period, 77, NULL, NULL)",
            new { id, period = id == "busy" ? "2026-05" : "2026-07" });
    }

    private static async Task NodeInstanceAsync(Database database, string instance, string node, TimeSpan leaseLeft)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO node_instances (instance_id, node_name, started_at, lease_until) VALUES (@instance, @node, @now, @until)",
            new { instance, node, now = SqlDialect.Timestamp(DateTimeOffset.UtcNow, database.Engine), until = SqlDialect.Timestamp(DateTimeOffset.UtcNow + leaseLeft, database.Engine) });
    }

    private static async Task<string?> StatusAsync(Database database, string id)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT status FROM return_batches WHERE id = @id", new { id });
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_running_node_takes_over_at_once_the_young_batch_of_a_node_whose_lease_ran_out_and_leaves_a_live_nodes_alone(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var silo = await TestSilo.StartAsync(database, new Dictionary<string, string?> { ["Scrutiny:Returns:RecoverySweepSeconds"] = "1" });
        await silo.SeedMinimalCatalogueAsync();
        await NodeInstanceAsync(silo.Database, "dead-node-instance", "node-b", TimeSpan.FromSeconds(-1));
        await NodeInstanceAsync(silo.Database, "live-node-instance", "node-c", TimeSpan.FromHours(1));
        await AcceptedBatchAsync(silo.Database, "orphan", "dead-node-instance");
        await AcceptedBatchAsync(silo.Database, "busy", "live-node-instance");

        // Received a moment ago: before leases, a batch this young waited two minutes whoever had accepted it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await StatusAsync(silo.Database, "orphan") != BatchHeader.Applied) await Task.Delay(200, timeout.Token);
        Assert.Equal(77, (await silo.Grains.GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days").GetSeriesAsync(DataView.All)).Points.Single(p => p.Period == "2026-07").Numerator);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(BatchHeader.Accepted, await StatusAsync(silo.Database, "busy"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_restarted_node_applies_its_own_interrupted_batch_before_it_takes_requests(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var node = new Dictionary<string, string?> { ["Scrutiny:Silo:NodeName"] = "node-a" };
        await using (var before = await TestSilo.StartAsync(database, node))
        {
            await before.SeedMinimalCatalogueAsync();
            // The previous process of node-a, killed a moment ago: its lease has not yet run out.
            await NodeInstanceAsync(before.Database, "killed-instance", "node-a", TimeSpan.FromMinutes(1));
            await AcceptedBatchAsync(before.Database, "interrupted", "killed-instance");
        }

        await using var restarted = await TestSilo.StartAsync(database, node);

        Assert.Equal(BatchHeader.Applied, await StatusAsync(restarted.Database, "interrupted"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_batch_this_live_process_accepted_and_no_longer_holds_is_applied_by_its_own_sweep(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var silo = await TestSilo.StartAsync(database, new Dictionary<string, string?> { ["Scrutiny:Returns:RecoverySweepSeconds"] = "1" });
        await silo.SeedMinimalCatalogueAsync();
        // What a request leaves when its apply fails (the store went away) after the batch committed: the batch is
        // recorded as this live instance's, and no work of this process holds it.
        string self;
        await using (var connection = await silo.Database.OpenAsync())
            self = await connection.ExecuteScalarAsync<string>("SELECT instance_id FROM node_instances WHERE superseded_by IS NULL") ?? "";
        await AcceptedBatchAsync(silo.Database, "given-up", self);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await StatusAsync(silo.Database, "given-up") != BatchHeader.Applied) await Task.Delay(200, timeout.Token);
        Assert.Equal(77, (await silo.Grains.GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days").GetSeriesAsync(DataView.All)).Points.Single(p => p.Period == "2026-07").Numerator);
    }
}

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
    public async Task An_accepted_batch_left_half_applied_is_completed_at_start_up_without_doubling(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var receivedAt = DateTimeOffset.UtcNow.AddHours(-1);
        await using (var silo = await TestSilo.StartAsync(database))
        {
            await silo.SeedMinimalCatalogueAsync();
            // What a crash leaves: a committed, accepted batch of two grains' rows, of which one grain got its rows.
            await using (var connection = await silo.Database.OpenAsync())
            {
                await connection.ExecuteAsync(
                    "INSERT INTO return_batches (id, agency_code, submitted_by, source, row_count, status, received_at) VALUES ('crashed', 'MFT', 'test', 'csv', 3, 'accepted', @at)",
                    new { at = SqlDialect.Timestamp(receivedAt, engine) });
                await connection.ExecuteAsync(
                    """
                    INSERT INTO return_batch_rows (batch_id, row_number, place_code, indicator_code, period, numerator, denominator, note)
                    VALUES ('crashed', 1, 'E08000003', 'delayed-discharge-days', '2026-06', 90, NULL, NULL),
                           ('crashed', 2, 'E08000003', 'delayed-discharge-days', '2026-07', 95, NULL, NULL),
                           ('crashed', 3, 'E08000003', 'emergency-admissions-65plus', '2026-07', 412, 61000, 'from the trust')
                    """);
            }
            await silo.Grains.Get<IIndicatorGrain>("E08000003/delayed-discharge-days").SubmitAsync(new ReturnSubmission("crashed", "test", receivedAt,
                [new ReturnedValue("2026-06", "MFT", 90, null, null), new ReturnedValue("2026-07", "MFT", 95, null, null)]));
        }

        await using var restarted = await TestSilo.StartAsync(database);

        var admissions = await restarted.Grains.Get<IIndicatorGrain>("E08000003/emergency-admissions-65plus").GetSeriesAsync(DataView.All);
        Assert.Equal("from the trust", Assert.Single(Assert.Single(admissions.Points).Contributions).Note);
        await using var check = await restarted.Database.OpenAsync();
        Assert.Equal(3, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM returns_ledger"));
        var (status, result) = await check.QuerySingleAsync<(string, string)>("SELECT status, result FROM return_batches WHERE id = 'crashed'");
        Assert.Equal(BatchHeader.Applied, status);
        Assert.Contains("\"unchanged\":2", result);
    }

    [Fact]
    public async Task On_PostgreSQL_a_running_node_picks_up_a_batch_another_node_left_accepted()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        await using var silo = await TestSilo.StartAsync(database, new Dictionary<string, string?> { ["Scrutiny:Returns:RecoverySweepSeconds"] = "1" });
        await silo.SeedMinimalCatalogueAsync();

        await using (var connection = await silo.Database.OpenAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO return_batches (id, agency_code, submitted_by, source, row_count, status, received_at) VALUES ('orphan', 'MFT', 'test', 'json', 1, 'accepted', @at)",
                new { at = SqlDialect.Timestamp(DateTimeOffset.UtcNow.AddMinutes(-10), StoreEngine.Postgres) });
            await connection.ExecuteAsync(
                "INSERT INTO return_batch_rows (batch_id, row_number, place_code, indicator_code, period, numerator, denominator, note) VALUES ('orphan', 1, 'E08000003', 'delayed-discharge-days', '2026-07', 77, NULL, NULL)");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while ((await silo.Grains.Get<IIndicatorGrain>("E08000003/delayed-discharge-days").GetSeriesAsync(DataView.All)).Points.Count == 0)
            await Task.Delay(200, timeout.Token);
        await using var check = await silo.Database.OpenAsync();
        Assert.Equal(BatchHeader.Applied, await check.ExecuteScalarAsync<string>("SELECT status FROM return_batches WHERE id = 'orphan'"));
    }
}

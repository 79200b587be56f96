using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.People;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Cluster;

/// <summary>
/// Product nodes in this process joined into one Orleans cluster through the store's membership table
/// (<c>Scrutiny:Cluster:Provider</c> PostgreSql): one activation per grain across them, and one calendar clock.
/// The tests with separate processes (kill -9, Azure Table Storage, browsers) are in Scrutiny.Cluster.Tests.
/// </summary>
public sealed class ClusterNodesTests
{
    private const string Admissions = "emergency-admissions-65plus";

    private static Dictionary<string, string?> Clustered(string clusterId) => new()
    {
        ["Scrutiny:Cluster:Provider"] = "PostgreSql",
        ["Scrutiny:Cluster:ClusterId"] = clusterId,
        ["Scrutiny:Cluster:AdvertisedAddress"] = "127.0.0.1",
        // Nodes sharing a store have names of their own: a start supersedes earlier instances of its own name.
        ["Scrutiny:Silo:NodeName"] = $"node-{Guid.NewGuid():N}",
    };

    private static Task<TestSilo> NodeAsync(TestDatabase database, string clusterId, TimeProvider? time = null, HeardChanges? heard = null) =>
        TestSilo.StartAsync(database, Clustered(clusterId), time, services =>
        {
            // Listening before the node's silo starts, so that nothing its start announces is missed.
            if (heard is not null) services.AddSingleton<IHostedService>(sp => new ListeningWhileRunning<HeardChanges>(sp.GetRequiredService<IChangeFeed>(), heard));
        });

    [Fact]
    public async Task Nodes_on_PostgreSql_membership_are_one_cluster_holding_one_activation_of_a_grain()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        var clusterId = $"c{Guid.NewGuid():N}";
        await using var first = await NodeAsync(database, clusterId);
        await first.SeedMinimalCatalogueAsync();
        await using var second = await NodeAsync(database, clusterId);

        var active = await first.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, active.Count);

        // Alternately through each node, all at once: with two clusters, two activations would race and lose writes.
        const int n = 40;
        var periods = Enumerable.Range(0, n).Select(i => new Period(Frequency.Monthly, 2022, 1).Next(i).ToString()).ToList();
        await Task.WhenAll(periods.Select((period, i) => (i % 2 == 0 ? first : second).Grains
            .GetGrain<IIndicatorGrain>($"E08000003/{Admissions}")
            .SubmitAsync(new ReturnSubmission($"batch-{i}", "test", DateTimeOffset.UtcNow, [new ReturnedValue(period, "MFT", i, 1000, null)]))));

        var series = await second.Grains.GetGrain<IIndicatorGrain>($"E08000003/{Admissions}").GetSeriesAsync(DataView.All);
        Assert.Equal(periods, series.Points.Select(p => p.Period));
        await using var connection = await first.Database.OpenAsync();
        Assert.Equal(n, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM returns_ledger"));
    }

    [Fact]
    public async Task A_node_whose_silo_the_cluster_declares_dead_is_dead_in_the_store_before_its_lease_runs_out()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        var clusterId = $"c{Guid.NewGuid():N}";
        await using var first = await NodeAsync(database, clusterId);
        var second = await NodeAsync(database, clusterId);
        var leaving = second.Services.GetRequiredService<Scrutiny.Silo.Hosting.NodeInstance>().Id;
        await second.DisposeAsync();

        await using var connection = await first.Database.OpenAsync();
        string? supersededBy = null;
        // The lease is 15 s; the cluster knows at once that a silo which said goodbye is dead.
        for (var tries = 0; tries < 50 && supersededBy is null; tries++)
        {
            await Task.Delay(100);
            supersededBy = await connection.ExecuteScalarAsync<string?>("SELECT superseded_by FROM node_instances WHERE instance_id = @leaving", new { leaving });
        }
        Assert.Equal(Scrutiny.Silo.Hosting.NodeLeases.DeclaredDead, supersededBy);
        Assert.True(await first.Services.GetRequiredService<Scrutiny.Silo.Hosting.NodeLeases>().IsAliveAsync(
            first.Services.GetRequiredService<Scrutiny.Silo.Hosting.NodeInstance>().Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_publication_rule_changed_through_one_node_holds_at_once_for_a_grain_active_on_another()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        var clusterId = $"c{Guid.NewGuid():N}";
        await using var first = await NodeAsync(database, clusterId);
        await first.SeedMinimalCatalogueAsync();
        await using var second = await NodeAsync(database, clusterId);
        var grain = $"E08000003/{Admissions}";
        await second.Grains.GetGrain<IIndicatorGrain>(grain)
            .SubmitAsync(new ReturnSubmission("batch-1", "test", DateTimeOffset.UtcNow, [new ReturnedValue("2026-07", "MFT", 5, 1000, null)]));
        Assert.Single((await second.Grains.GetGrain<IIndicatorGrain>(grain).GetSeriesAsync(DataView.Published)).Points);

        // Published on release from now on: the value is no longer public, on whichever node it is read.
        await first.CatalogueWriter.SetScheduleAsync(new IndicatorSchedule(Admissions, 45, null, null, PublicationRule.OnRelease));
        await first.Services.GetRequiredService<Scrutiny.Silo.Hosting.ActiveIndicatorGrains>().CatalogueChangedAsync([Admissions]);

        Assert.Empty((await second.Grains.GetGrain<IIndicatorGrain>(grain).GetSeriesAsync(DataView.Published)).Points);
        Assert.Empty((await first.Grains.GetGrain<IIndicatorGrain>(grain).GetSeriesAsync(DataView.Published)).Points);
    }

    [Fact]
    public async Task The_publication_clock_announces_once_across_three_nodes_and_catches_up_a_day_the_whole_cluster_missed()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        var clusterId = $"c{Guid.NewGuid():N}";
        var time = new ManualTime(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        var schedule = new IndicatorSchedule(Admissions, 45, null, null, PublicationRule.DaysAfterPeriodEnd, 10);
        await using (var first = await NodeAsync(database, clusterId, time))
        {
            await first.SeedMinimalCatalogueAsync();
            await first.CatalogueWriter.SetScheduleAsync(schedule);
            // The clock's first start of all: it looks from today.
            await first.Grains.GetGrain<IPublicationClockGrain>(IPublicationClockGrain.Key).StartAsync();
        }

        // The whole cluster was down while the date turned past the day October's figures are published.
        time.Now = new DateTimeOffset(2026, 12, 12, 0, 5, 0, TimeSpan.Zero);
        var expected = PublicationClock.PublishedBetween(schedule, Frequency.Monthly, new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 12))
            .Select(p => p.ToString()).ToList();
        Assert.NotEmpty(expected);
        var heard = new HeardChanges();
        await using var a = await NodeAsync(database, clusterId, time, heard);
        await using var b = await NodeAsync(database, clusterId, time);
        await using var c = await NodeAsync(database, clusterId, time);
        // Every node's start (and every reminder tick) asks the one clock; it announces what it missed, once.
        await Task.WhenAll(new[] { a, b, c }.Select(n => n.Grains.GetGrain<IPublicationClockGrain>(IPublicationClockGrain.Key).StartAsync()));

        var announced = await heard.PublicationsAsync(expected.Count);
        Assert.Equal(expected.Order(), announced.Order());
        // Nothing more comes: a second announcement of a period would arrive on the same node's feed.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(expected.Count, heard.Publications.Count);
        await using var connection = await a.Database.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM grain_reminders WHERE grain_id = 'publication-clock/0'"));
    }

    /// <summary>The publication notices one node's change feed delivered (each node hears every change once).</summary>
    private sealed class HeardChanges : IChangeListener
    {
        private readonly ConcurrentQueue<string> _publications = new();

        public IReadOnlyCollection<string> Publications => _publications;

        public ValueTask OnChangedAsync(Change change, CancellationToken cancellationToken)
        {
            if (change.Kind == ChangeKinds.Publication && change.Keys[ChangeKeys.Indicator] == Admissions) _publications.Enqueue(change.Period!);
            return ValueTask.CompletedTask;
        }

        public async Task<List<string>> PublicationsAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (_publications.Count < count && DateTime.UtcNow < deadline) await Task.Delay(50);
            return [.. _publications];
        }
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Runtime;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Store;

/// <summary>On PostgreSQL, a change made on one node reaches the other node's feed (LISTEN/NOTIFY).</summary>
public sealed class ChangeFeedAcrossNodesTests
{
    [Fact]
    public async Task A_return_on_one_node_is_heard_and_read_fresh_on_the_other()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        await using var a = await TestSilo.StartAsync(database);
        await using var b = await TestSilo.StartAsync(database);
        await a.SeedMinimalCatalogueAsync();
        var heard = Channel.CreateUnbounded<Change>();
        using var _ = b.Services.GetRequiredService<IChangeFeed>().Subscribe(new ChannelObserver(heard.Writer));
        var onB = b.Grains.GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days");
        Assert.Empty((await onB.GetSeriesAsync(DataView.All)).Points);
        await b.Services.GetRequiredService<Scrutiny.Silo.Hosting.PostgresChangeBridge>().Listening.WaitAsync(TimeSpan.FromSeconds(10));

        await a.Grains.GetGrain<IIndicatorGrain>("E08000003/delayed-discharge-days").SubmitAsync(
            new ReturnSubmission("b1", "test", DateTimeOffset.UtcNow, [new ReturnedValue("2026-07", "MFT", 77, null, null)]));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var changes = new List<Change>();
        while (changes.Count < 2) changes.Add(await heard.Reader.ReadAsync(timeout.Token));
        Assert.All(changes, c => Assert.Equal(a.Runtime.NodeId, c.Origin));
        Assert.Contains(changes, c => c.Kind == ChangeKinds.Place && c.Groups.Contains(ChangeGroups.Place("E08000003")) && c.Value == 77);
        Assert.Equal(77, Assert.Single((await onB.GetSeriesAsync(DataView.All)).Points).Value);
    }

    private sealed class ChannelObserver(ChannelWriter<Change> writer) : IChangeObserver
    {
        public ValueTask OnChangedAsync(Change change, CancellationToken cancellationToken) => writer.WriteAsync(change, cancellationToken);
    }
}

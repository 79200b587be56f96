using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Silos;

/// <summary>
/// The cluster's change feed on two silos of Orleans' test cluster: a node's own changes reach its listeners at once, in
/// the order published, and the other node's through the feed grain, each exactly once.
/// </summary>
public sealed class ChangeFeedTests
{
    private static Change Named(string name) =>
        new("test", new Dictionary<string, string> { ["name"] = name }, [$"test:{name}"], null, null, DateTimeOffset.UtcNow);

    private static async Task<List<string>> HearAsync(ChannelReader<Change> heard, int count, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        while (names.Count < count) names.Add((await heard.ReadAsync(cancellationToken)).Keys["name"]);
        return names;
    }

    [Fact]
    public async Task A_change_is_heard_once_on_every_node_and_at_once_in_order_on_the_node_that_published_it()
    {
        await using var c = await GrainCluster.StartAsync(StoreEngine.Sqlite, silos: 2);
        var (first, second) = (Channel.CreateUnbounded<Change>(), Channel.CreateUnbounded<Change>());
        var (feed0, feed1) = (c.Silo(0).GetRequiredService<IChangeFeed>(), c.Silo(1).GetRequiredService<IChangeFeed>());
        using var listening0 = feed0.Subscribe(new ChannelListener(first.Writer));
        using var listening1 = feed1.Subscribe(new ChannelListener(second.Writer));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await feed0.PublishAsync([Named("a1"), Named("a2")]);
        await feed0.PublishAsync(Named("a3"));
        // The publishing node's listeners hear in the order published; the other node's hear each message whole and in
        // order, but Orleans does not keep two one-way messages in the order sent.
        Assert.Equal(["a1", "a2", "a3"], await HearAsync(first.Reader, 3, timeout.Token));
        var fromFeed = await HearAsync(second.Reader, 3, timeout.Token);
        Assert.Equal(["a1", "a2", "a3"], fromFeed.Order());
        Assert.True(fromFeed.IndexOf("a1") < fromFeed.IndexOf("a2"));

        await feed1.PublishAsync(Named("b1"));
        Assert.Equal(["b1"], await HearAsync(second.Reader, 1, timeout.Token));
        Assert.Equal(["b1"], await HearAsync(first.Reader, 1, timeout.Token));

        // Nothing more comes: the feed grain did not send either node its own changes back.
        await Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
        Assert.False(first.Reader.TryRead(out var again0), $"node 0 heard {again0?.Keys["name"]} again");
        Assert.False(second.Reader.TryRead(out var again1), $"node 1 heard {again1?.Keys["name"]} again");
    }
}

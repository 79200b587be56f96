using System.Collections.Concurrent;
using Scrutiny.Cluster.Tests.Infrastructure;

namespace Scrutiny.Cluster.Tests;

/// <summary>
/// Two nodes taking returns for one indicator at the same moment: in one cluster the indicator has one activation, so no
/// write races another (two clusters over one store would each hold a copy and lose version races).
/// </summary>
public abstract class ConcurrentWritesTests(ClusterFixture cluster)
{
    private const int SendersPerNode = 4;
    private const int ReturnsPerSender = 10;

    [Fact]
    public async Task Two_nodes_writing_one_indicator_at_once_lose_no_acknowledged_value()
    {
        var agency = await cluster.NewAgencyAsync("concurrent");
        var acknowledged = new ConcurrentDictionary<string, double>();
        var refused = new ConcurrentQueue<string>();

        // Senders on nodes 1 and 2, each with months of its own, all for the one indicator of one place.
        await Task.WhenAll(Enumerable.Range(0, 2 * SendersPerNode).Select(sender => Task.Run(async () =>
        {
            var node = 1 + sender % 2;
            for (var i = 0; i < ReturnsPerSender; i++)
            {
                var period = TestAgency.Month(sender * ReturnsPerSender + i);
                var value = 1000 * node + sender * ReturnsPerSender + i;
                var answer = await agency.PostAsync(node, period, value);
                if (answer.Accepted) acknowledged[period] = value;
                else refused.Enqueue($"node {node} {period}: {answer}");
            }
        })));

        Assert.Empty(refused);
        var series = await agency.SeriesAsync(3);
        var missing = acknowledged.Where(a => series.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key}: sent {a.Value}, read {series.GetValueOrDefault(a.Key)}").ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged values are not in the series: {string.Join("; ", missing)}");
        Assert.Equal(2 * SendersPerNode * ReturnsPerSender, series.Count);
    }
}

[Collection(PostgreSqlCluster.Collection)]
public sealed class ConcurrentWritesOnPostgreSqlTests(PostgreSqlCluster cluster) : ConcurrentWritesTests(cluster);

[Collection(AzureTablesCluster.Collection)]
public sealed class ConcurrentWritesOnAzureTablesTests(AzureTablesCluster cluster) : ConcurrentWritesTests(cluster);

using System.Diagnostics;

namespace Scrutiny.Load;

/// <summary>
/// The product's memory with a grain active for every place–indicator (each one's series read once through the API,
/// which activates its indicator grain), then a cold start over the populated store: the node stopped (SIGTERM) and a
/// new one started, its time to ready and to its first scorecard page. In the full run the new node collects idle grains
/// after 90 s, and its memory is read again once every grain has been activated and left idle.
/// </summary>
public static class MemoryScenario
{
    /// <summary>
    /// The second node's idle timeout in the full run: Orleans collects an activation idle this long, checking once a
    /// minute, and refuses a timeout that is not longer than that minute.
    /// </summary>
    private const int IdleSeconds = 90;

    public static async Task RunAsync(LoadContext context)
    {
        var activated = Stopwatch.StartNew();
        context.Record("memory_grains_activated", await ActivateEveryGrainAsync(context, context.Client));
        context.Record("memory_activate_all_s", Math.Round(activated.Elapsed.TotalSeconds, 1));
        context.Record("memory_rss_all_active_mb", Math.Round(context.Node.RssMegabytes()));

        await context.Node.DisposeAsync();
        context.Progress("memory: the product stopped; starting a new one over the populated store");
        await using var node = await ProductNode.StartAsync(context.Database.ConnectionString, context.Database.Folder, context.StorePool,
            context.Quick ? null : IdleSeconds);
        using var client = new ProductClient(node.Address);
        context.Record("cold_start_ready_s", Math.Round(node.StartedIn.TotalSeconds, 1));
        var firstPage = Stopwatch.StartNew();
        var place = context.Catalogue.Authorities.First().Code;
        using (var page = await client.SendAsync(HttpMethod.Get, $"/places/{place}", null))
            if (!page.IsSuccessStatusCode) context.Problem($"memory: the first page after a cold start answered {(int)page.StatusCode}");
        context.Record("cold_start_first_page_ms", Math.Round(firstPage.Elapsed.TotalMilliseconds, 1));
        context.Record("cold_start_rss_mb", Math.Round(node.RssMegabytes()));
        if (context.Quick) return;

        await ActivateEveryGrainAsync(context, client);
        context.Record("memory_rss_all_active_again_mb", Math.Round(node.RssMegabytes()));
        // Idle for the timeout, then up to a minute more until the next collection has run, and a little over.
        var wait = TimeSpan.FromSeconds(IdleSeconds + 90);
        context.Progress($"memory: every grain active again; waiting {wait.TotalSeconds} s for the idle ones to be collected");
        await Task.Delay(wait);
        context.Record("memory_rss_after_idle_mb", Math.Round(node.RssMegabytes()));
    }

    private static async Task<int> ActivateEveryGrainAsync(LoadContext context, ProductClient client)
    {
        var pairs = context.Catalogue.Authorities.SelectMany(p => context.Catalogue.Indicators.Select(i => (Place: p.Code, Indicator: i.Code)));
        var count = 0;
        await Parallel.ForEachAsync(pairs, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (pair, token) =>
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"/api/v1/places/{pair.Place}/indicators/{pair.Indicator}/series",
                context.AdminKey, cancellationToken: token);
            Interlocked.Increment(ref count);
            if (!response.IsSuccessStatusCode) context.Problem($"memory: {pair.Place}/{pair.Indicator} answered {(int)response.StatusCode}");
        });
        return count;
    }
}

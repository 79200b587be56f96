using System.Diagnostics;

namespace Scrutiny.Load;

/// <summary>
/// The product's memory with a grain active for every place–indicator: each one's series read once through the API
/// (which activates its indicator grain), then the process's resident set. The grains stay active for the silo's idle
/// timeout (15 minutes by default), so this is the most the catalogue holds at once.
/// </summary>
public static class MemoryScenario
{
    public static async Task RunAsync(LoadContext context)
    {
        var pairs = context.Catalogue.Authorities.SelectMany(p => context.Catalogue.Indicators.Select(i => (Place: p.Code, Indicator: i.Code)));
        var activated = Stopwatch.StartNew();
        var count = 0;
        await Parallel.ForEachAsync(pairs, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (pair, token) =>
        {
            using var response = await context.Client.SendAsync(HttpMethod.Get, $"/api/v1/places/{pair.Place}/indicators/{pair.Indicator}/series",
                context.AdminKey, cancellationToken: token);
            Interlocked.Increment(ref count);
            if (!response.IsSuccessStatusCode) context.Problem($"memory: {pair.Place}/{pair.Indicator} answered {(int)response.StatusCode}");
        });
        context.Record("memory_grains_activated", count);
        context.Record("memory_activate_all_s", Math.Round(activated.Elapsed.TotalSeconds, 1));
        context.Record("memory_rss_all_active_mb", Math.Round(context.Node.RssMegabytes()));
    }
}

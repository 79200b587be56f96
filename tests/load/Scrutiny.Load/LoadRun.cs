using System.Diagnostics;
using System.Text.Json;

namespace Scrutiny.Load;

/// <summary>
/// One run: a fresh database, the product started on it as its own process, England's catalogue made through the API,
/// the scenarios asked for, then one JSON line on standard output. Exit code 1 when anything was broken (the product did
/// not start, an error status, a missing delivery); never for a figure slower than hoped.
/// </summary>
public static class LoadRun
{
    public static async Task<int> RunAsync(LoadArguments arguments)
    {
        var sizes = arguments.Quick ? LoadSizes.Quick : LoadSizes.Full;
        var engine = arguments.Engine == StoreKind.Postgres ? "postgresql" : "sqlite";
        var figures = new List<KeyValuePair<string, object?>>
        {
            new("tool", "scrutiny-load"), new("scenario", arguments.Scenario), new("quick", arguments.Quick), new("seed", arguments.Seed),
            new("engine", engine), new("configuration", BuildOutput.Configuration),
            new("store_max_pool", arguments.StorePool?.ToString() ?? "default"),
            new("keep_pages_s", arguments.KeepPagesSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"),
            new("cores", Environment.ProcessorCount), new("started_at", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ")),
        };
        var clock = Stopwatch.StartNew();
        var problems = 0;
        try
        {
            await using var database = await LoadDatabase.CreateAsync(arguments.Engine);
            Console.Error.WriteLine($"load: product starting on {engine} ({BuildOutput.Configuration}); log in {database.Folder}");
            await using var node = await ProductNode.StartAsync(database.ConnectionString, database.Folder, arguments.StorePool,
                keepPagesSeconds: arguments.KeepPagesSeconds);
            using var client = new ProductClient(node.Address);
            var adminKey = await AdminKey.CreateAsync(database.ConnectionString);
            var catalogue = EnglandCatalogue.Make(sizes, arguments.Seed);
            var context = new LoadContext(arguments, sizes, catalogue, database, node, client, adminKey);
            figures.Add(new("product_ready_s", Math.Round(node.StartedIn.TotalSeconds, 1)));

            var made = Stopwatch.StartNew();
            await CatalogueSetup.MakeAsync(client, adminKey, catalogue);
            context.Progress($"catalogue: {catalogue.Authorities.Count()} local authorities, {catalogue.Indicators.Count} indicators, {catalogue.Agencies.Count} agencies in {made.Elapsed.TotalSeconds:F0} s");
            figures.AddRange([new("places", catalogue.Authorities.Count()), new("indicators", catalogue.Indicators.Count),
                new("agencies", catalogue.Agencies.Count), new("catalogue_s", Math.Round(made.Elapsed.TotalSeconds, 1))]);

            // The ingest first: its periods end in 2020, so the deadline's months (from 2021) stay the newest, and the
            // pages read what it wrote.
            if (arguments.Runs("ingest") || arguments.Runs("pages")) await IngestScenario.RunAsync(context);
            if (arguments.Runs("deadline")) await DeadlineScenario.RunAsync(context);
            if (arguments.Runs("pages")) await PagesScenario.RunAsync(context);
            if (node.HasExited) context.Problem($"the product exited during the run; {node.LogPath}:{Environment.NewLine}{node.LogTail()}");
            else context.Record("product_rss_mb", Math.Round(node.RssMegabytes()));
            if (arguments.Runs("memory")) await MemoryScenario.RunAsync(context);
            context.Record("database_mb", Math.Round(await database.SizeMegabytesAsync(), 1));
            figures.AddRange(context.Figures);
            problems = context.Problems;
        }
        // Whatever stopped the run (the product not starting, a refused catalogue write, a watcher that could not connect)
        // is reported in the JSON line as well as on standard error, so that test.sh's output says what broke.
        catch (Exception ex)
        {
            Console.Error.WriteLine($"load: FAILED: {ex}");
            figures.Add(new("error", ex.Message.Split('\n')[0]));
            problems++;
        }
        figures.Add(new("problems", problems));
        figures.Add(new("total_s", Math.Round(clock.Elapsed.TotalSeconds, 1)));
        Console.WriteLine(JsonSerializer.Serialize(figures.ToDictionary(f => f.Key, f => f.Value)));
        return problems == 0 ? 0 : 1;
    }
}

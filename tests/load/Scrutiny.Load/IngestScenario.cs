using System.Diagnostics;

namespace Scrutiny.Load;

/// <summary>
/// The same rows two ways: (a) <c>POST /api/v1/returns</c> as CSV in batches, from several agencies at once (each its own
/// key, each its batches one after another), and (b) straight into a ledger-shaped table (<see cref="LedgerCeiling"/>). The
/// ratio API/ceiling says how much of what the store can take the product delivers. Rows go back in time from 2020, so
/// the deadline's newer periods always move a place's latest value.
/// </summary>
public static class IngestScenario
{
    public const int LastYear = 2020;

    /// <summary>Rounds of the warm-up: the first wakes the grains, the second runs the path of grains already awake.</summary>
    private const int WarmUpRounds = 2;

    public static async Task RunAsync(LoadContext context)
    {
        var sizes = context.Sizes;
        var health = context.Catalogue.Agencies.Where(a => a.Sector == "health").ToList();
        var agencies = health.Take(sizes.IngestAgencies).ToList();
        // Other agencies first, through the same code, a batch each in each of WarmUpRounds rounds (LoadSizes.IngestWarmUpRows),
        // so that the product measured is warm as a running node is: in a new process, tiered compilation took 18% of the
        // CPU of the first ten seconds of imports, and still 16% after 2,000 rows from each.
        var warmUp = health.Skip(sizes.IngestAgencies).Take(sizes.IngestAgencies).ToList();
        var keys = await CatalogueSetup.KeysAsync(context.Client, context.AdminKey, agencies.Concat(warmUp).Select(a => a.Code));
        var random = new Random(context.Seed);
        var batchesByAgency = agencies.ToDictionary(a => a.Code,
            a => Batches(random, a, context.Catalogue, sizes.IngestBatchesPerAgency * sizes.IngestBatchRows, sizes.IngestBatchRows));
        var warmUpBatches = warmUp.ToDictionary(a => a.Code, a => Batches(random, a, context.Catalogue, WarmUpRounds * sizes.IngestWarmUpRows, sizes.IngestWarmUpRows));
        var rows = batchesByAgency.Values.Sum(b => b.Sum(x => x.Count));
        // Written out before the clock starts, as the ceiling's entries are made before its own: on this machine the
        // clients share the product's two cores, and making 200,000 rows' CSV is the clients' work, not the product's.
        var bodies = batchesByAgency.ToDictionary(a => a.Key, a => a.Value.Select(ReturnRow.Csv).ToList());
        var warmUpBodies = warmUpBatches.ToDictionary(a => a.Key, a => a.Value.Select(ReturnRow.Csv).ToList());
        context.Progress($"ingest: warming up with {warmUpBatches.Values.Sum(b => b.Sum(x => x.Count))} rows from {warmUp.Count} other agencies");
        // In rounds, a batch from each agency at once, with a pause after each: the runtime starts counting a method's
        // calls (to compile it again, optimised, on a background thread) only once no new method has been compiled for
        // a moment, and a running node has long since done that. After one round and a pause, the timed import still
        // recompiled 1,564 methods, the CSV reader's and the grains' hottest among them.
        for (var round = 0; round < WarmUpRounds; round++)
        {
            await PostAsync(context, warmUpBodies.ToDictionary(a => a.Key, a => a.Value.Skip(round).Take(1).ToList()), keys, new Latencies());
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        context.Progress($"ingest: {rows} rows from {agencies.Count} agencies through the API");

        var latencies = new Latencies();
        var cpuBefore = CpuTimes.Read(context.Node.ProcessId);
        var clock = Stopwatch.StartNew();
        var failures = await PostAsync(context, bodies, keys, latencies);
        var api = clock.Elapsed;
        var cpu = CpuTimes.Read(context.Node.ProcessId) - cpuBefore;
        context.Progress($"ingest: API {rows / api.TotalSeconds:F0} rows/s; now the ceiling");

        var all = batchesByAgency.Values.SelectMany(b => b).ToList();
        // The fastest run is the ceiling: what the store can do (one run varied by half from the next).
        var ceilingCpuBefore = CpuTimes.Read(context.Node.ProcessId);
        var ceilingRuns = await LedgerCeiling.WriteAsync(context.Database, all, agencies.Count);
        var ceilingStoreCpu = (CpuTimes.Read(context.Node.ProcessId) - ceilingCpuBefore).Store / ceilingRuns.Count;
        var (apiRate, ceilingRate) = (rows / api.TotalSeconds, rows / ceilingRuns.Min().TotalSeconds);
        context.Record("ingest_rows", rows);
        context.Record("ingest_batch_rows", sizes.IngestBatchRows);
        context.Record("ingest_agencies", agencies.Count);
        context.Record("ingest_warm_up_rows", warmUpBatches.Values.Sum(b => b.Sum(x => x.Count)));
        context.Record("ingest_failed_batches", failures);
        context.Record("ingest_api_rows_per_s", Math.Round(apiRate));
        var ceilingName = context.Database.Engine == StoreKind.Postgres ? "ingest_copy_rows_per_s" : "ingest_bulk_insert_rows_per_s";
        context.Record(ceilingName, Math.Round(ceilingRate));
        context.Record($"{ceilingName}_runs", ceilingRuns.Select(r => Math.Round(rows / r.TotalSeconds)).ToArray());
        context.Record("ingest_ratio_api_to_ceiling", Math.Round(apiRate / ceilingRate, 3));
        context.Record(latencies.Summary("ingest_batch"));
        context.Record("ingest_api_s", Math.Round(api.TotalSeconds, 2));
        var storeApart = context.Database.Engine == StoreKind.Postgres;
        context.Record(cpu.Summary("ingest_api", storeApart));
        if (storeApart) context.Record("ingest_ceiling_store_cpu_s", Math.Round(ceilingStoreCpu, 2));
    }

    /// <summary>Each agency's batches one after another, the agencies at once; returns how many batches failed.</summary>
    private static async Task<int> PostAsync(LoadContext context, Dictionary<string, List<string>> bodiesByAgency,
        IReadOnlyDictionary<string, string> keys, Latencies latencies)
    {
        var failures = 0;
        await Task.WhenAll(bodiesByAgency.Select(async agency =>
        {
            foreach (var csv in agency.Value)
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await context.Client.SendAsync(HttpMethod.Post, "/api/v1/returns", keys[agency.Key], ProductClient.Csv(csv));
                var body = await response.Content.ReadAsStringAsync();
                latencies.Add(Stopwatch.GetElapsedTime(sent));
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                    context.Problem($"ingest: {agency.Key}'s batch answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
                }
            }
        }));
        return failures;
    }

    /// <summary>The agency's rows, newest periods first across all its places and indicators, cut into batches.</summary>
    private static List<IReadOnlyList<ReturnRow>> Batches(Random random, CatalogueAgency agency, EnglandCatalogue catalogue, int rows, int batchRows)
    {
        var indicators = catalogue.Indicators.Where(i => agency.Indicators.Contains(i.Code)).ToList();
        var made = new List<ReturnRow>(rows);
        for (var back = 0; made.Count < rows; back++)
        {
            var before = made.Count;
            foreach (var place in agency.Places)
                foreach (var indicator in indicators)
                    if (made.Count < rows && Periods.Back(indicator.Frequency, LastYear, back) is { } period)
                        made.Add(ReturnRow.Make(random, agency.Code, place, indicator, period));
            if (made.Count == before) break; // every series has gone back to 1900
        }
        return [.. made.Chunk(batchRows).Select(c => (IReadOnlyList<ReturnRow>)c)];
    }
}

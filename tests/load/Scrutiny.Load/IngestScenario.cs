using System.Diagnostics;

namespace Scrutiny.Load;

/// <summary>
/// The same rows two ways: (a) <c>POST /api/v1/returns</c> as CSV in batches, from several agencies at once (each its own
/// key, each its batches one after another), and (b) straight into a ledger-shaped table (<see cref="LedgerCeiling"/>). The
/// ratio API/ceiling says how much of what the store can take the product delivers. In pairs, each its own agencies' rows
/// through the API then the same rows into the ceiling, the two figures the fastest of their runs: on a shared machine
/// one run of either varied by a quarter from the next, the ceiling's most, and a pair's two runs meet the same moment
/// of the machine. Rows go back in time from 2020, so the deadline's newer periods always move a place's latest value.
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
        // Each pair's own agencies (so each API run brings new values and wakes its own grains, as the first did), and
        // after them the warm-up's: through the same code, a batch each in each of WarmUpRounds rounds
        // (LoadSizes.IngestWarmUpRows), so that the product measured is warm as a running node is: in a new process,
        // tiered compilation took 18% of the CPU of the first ten seconds of imports, and still 16% after 2,000 rows from each.
        var pairs = Enumerable.Range(0, sizes.IngestPairs).Select(p => health.Skip(p * sizes.IngestAgencies).Take(sizes.IngestAgencies).ToList()).ToList();
        var warmUp = health.Skip(sizes.IngestPairs * sizes.IngestAgencies).Take(sizes.IngestAgencies).ToList();
        var keys = await CatalogueSetup.KeysAsync(context.Client, context.AdminKey, pairs.SelectMany(p => p).Concat(warmUp).Select(a => a.Code));
        var random = new Random(context.Seed);
        var batchesByPair = pairs.Select(agencies => agencies.ToDictionary(a => a.Code,
            a => Batches(random, a, context.Catalogue, sizes.IngestBatchesPerAgency * sizes.IngestBatchRows, sizes.IngestBatchRows))).ToList();
        var warmUpBatches = warmUp.ToDictionary(a => a.Code, a => Batches(random, a, context.Catalogue, WarmUpRounds * sizes.IngestWarmUpRows, sizes.IngestWarmUpRows));
        // Written out before the clock starts, as the ceiling's entries are made before its own: on this machine the
        // clients share the product's two cores, and making 200,000 rows' CSV is the clients' work, not the product's.
        var bodiesByPair = batchesByPair.Select(pair => pair.ToDictionary(a => a.Key, a => a.Value.Select(ReturnRow.Csv).ToList())).ToList();
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
        // Then rounds of corrections (LoadSizes.IngestCorrectionRounds): the warm-up agencies' batches sent again, every
        // value changed, moved in two rounds and moved back in the next two. With the two rounds before, each warm-up
        // agency has sent 8 batches, 32 in all: past the 30 calls after which the runtime compiles a method again,
        // optimised, so that what runs once a batch (the COPY's loop, a batch's grouping and answer) runs optimised as in
        // a node that has taken uploads for a while, not unoptimised or being compiled during the timed import.
        // Corrections, not new rows: new periods would grow the grains' memory, and the collector's work, past what the
        // timed import meets (eight rounds of new rows did: docs/benchmarks.md); a correction replaces a value held.
        var corrected = warmUpBatches.ToDictionary(a => a.Key, a => a.Value.Select(b => ReturnRow.Csv(b.Select(ReturnRow.Corrected))).ToList());
        for (var round = 0; round < sizes.IngestCorrectionRounds; round++)
        {
            var sent = (round / WarmUpRounds) % 2 == 0 ? corrected : warmUpBodies;
            await PostAsync(context, sent.ToDictionary(a => a.Key, a => a.Value.Skip(round % WarmUpRounds).Take(1).ToList()), keys, new Latencies());
        }
        if (sizes.IngestCorrectionRounds > 0) await Task.Delay(TimeSpan.FromSeconds(3));

        var runs = new List<IngestPair>();
        for (var p = 0; p < pairs.Count; p++) runs.Add(await PairAsync(context, batchesByPair[p], bodiesByPair[p], keys));
        var (api, ceiling) = (runs.MaxBy(r => r.ApiRate)!, runs.MaxBy(r => r.CeilingRate)!);
        context.Record("ingest_rows", api.Rows);
        context.Record("ingest_batch_rows", sizes.IngestBatchRows);
        context.Record("ingest_agencies", sizes.IngestAgencies);
        context.Record("ingest_pairs", runs.Count);
        context.Record("ingest_warm_up_rows", warmUpBatches.Values.Sum(b => b.Sum(x => x.Count)));
        context.Record("ingest_warm_up_corrected_rows", sizes.IngestCorrectionRounds * warmUpBatches.Values.Sum(b => b[0].Count));
        context.Record("ingest_failed_batches", runs.Sum(r => r.Failures));
        context.Record("ingest_api_rows_per_s", Math.Round(api.ApiRate));
        context.Record("ingest_api_rows_per_s_runs", runs.Select(r => Math.Round(r.ApiRate)).ToArray());
        var ceilingName = context.Database.Engine == StoreKind.Postgres ? "ingest_copy_rows_per_s" : "ingest_bulk_insert_rows_per_s";
        context.Record(ceilingName, Math.Round(ceiling.CeilingRate));
        context.Record($"{ceilingName}_runs", runs.Select(r => Math.Round(r.CeilingRate)).ToArray());
        context.Record("ingest_ratio_api_to_ceiling", Math.Round(api.ApiRate / ceiling.CeilingRate, 3));
        // Each pair's own ratio too, so that a reader sees how far one run of each can fall from the fastest.
        context.Record("ingest_ratio_api_to_ceiling_pairs", runs.Select(r => Math.Round(r.ApiRate / r.CeilingRate, 3)).ToArray());
        // The fastest API run's latencies and CPU: the run the ratio is made from.
        context.Record(api.Latencies.Summary("ingest_batch"));
        context.Record("ingest_api_s", Math.Round(api.Api.TotalSeconds, 2));
        var storeApart = context.Database.Engine == StoreKind.Postgres;
        context.Record(api.Cpu.Summary("ingest_api", storeApart));
        if (storeApart) context.Record("ingest_ceiling_store_cpu_s", Math.Round(ceiling.CeilingStoreCpu, 2));
    }

    /// <summary>One pair: the agencies' rows through the API, then the same rows into the ceiling.</summary>
    private static async Task<IngestPair> PairAsync(LoadContext context, Dictionary<string, List<IReadOnlyList<ReturnRow>>> batches,
        Dictionary<string, List<string>> bodies, IReadOnlyDictionary<string, string> keys)
    {
        var rows = batches.Values.Sum(b => b.Sum(x => x.Count));
        context.Progress($"ingest: {rows} rows from {batches.Count} agencies through the API");
        await NodeQuietAsync(context);
        var latencies = new Latencies();
        var cpuBefore = CpuTimes.Read(context.Node.ProcessId);
        var clock = Stopwatch.StartNew();
        var failures = await PostAsync(context, bodies, keys, latencies);
        var api = clock.Elapsed;
        var cpu = CpuTimes.Read(context.Node.ProcessId) - cpuBefore;
        context.Progress($"ingest: API {rows / api.TotalSeconds:F0} rows/s; now the ceiling");

        // After the import the node still works a while (the collector in the background, boards refreshed one-way,
        // the compiler): the first COPY run straight after it was the slowest of three.
        await NodeQuietAsync(context);
        var ceilingCpuBefore = CpuTimes.Read(context.Node.ProcessId);
        var ceiling = await LedgerCeiling.WriteAsync(context.Database, [.. batches.Values.SelectMany(b => b)], batches.Count);
        var ceilingStoreCpu = (CpuTimes.Read(context.Node.ProcessId) - ceilingCpuBefore).Store;
        context.Progress($"ingest: ceiling {rows / ceiling.TotalSeconds:F0} rows/s");
        return new IngestPair(rows, api, cpu, latencies, failures, ceiling, ceilingStoreCpu);
    }

    /// <summary>Waits until the node has used less than a fiftieth of a core for a quarter of a second (at most 10 s).</summary>
    private static async Task NodeQuietAsync(LoadContext context)
    {
        var quiet = TimeSpan.FromMilliseconds(250);
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(10); waited += quiet)
        {
            var before = CpuTimes.Read(context.Node.ProcessId).Node;
            await Task.Delay(quiet);
            if (CpuTimes.Read(context.Node.ProcessId).Node - before < quiet.TotalSeconds / 50) return;
        }
    }

    private sealed record IngestPair(int Rows, TimeSpan Api, CpuTimes Cpu, Latencies Latencies, int Failures, TimeSpan Ceiling, double CeilingStoreCpu)
    {
        public double ApiRate => Rows / Api.TotalSeconds;

        public double CeilingRate => Rows / Ceiling.TotalSeconds;
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

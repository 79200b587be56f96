using System.Diagnostics;
using System.Net.Http.Headers;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Returns;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Benchmarks;

// Streams a generated returns CSV (places × months of one indicator, 100,000 rows by default) into
// POST /api/v1/returns of an in-process node on real Kestrel, and prints rows/s, the time to the batch's commit (every
// row read, checked and planned by its grain, then the batch and its ledger entries committed) and to the answer, and memory.
//
//   dotnet run -c Release --project tests/benchmarks/Scrutiny.Benchmarks -- [sqlite|postgres] [places] [months]
//
// PostgreSQL needs SCRUTINY_TEST_POSTGRES (a server the tool may create and drop databases on).
internal static class ImportRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var engine = args.Length > 0 && args[0].Equals("postgres", StringComparison.OrdinalIgnoreCase) ? StoreEngine.Postgres : StoreEngine.Sqlite;
        var places = args.Length > 1 ? int.Parse(args[1]) : 1000;
        var months = args.Length > 2 ? int.Parse(args[2]) : 100;

        await using var database = await TestDatabase.CreateAsync(engine);
        await using var node = await TestNode.StartAsync(database);
        await MinimalCatalogue.SeedAsync(node.CatalogueWriter);
        await GeneratedReturnsCsv.SeedCatalogueAsync(node.CatalogueWriter, places);
        var key = await node.CreateAgencyKeyAsync("MFT");
        node.Http.Timeout = TimeSpan.FromMinutes(30);
        var store = node.Services.GetRequiredService<Database>();

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        var csv = new GeneratedReturnsCsv(places, months);
        var clock = Stopwatch.StartNew();
        TimeSpan? committed = null;
        var peakHeap = 0L; // managed heap including garbage, sampled (no forced collections, so as not to slow the import)
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
                if (committed is null)
                {
                    await using var connection = await store.OpenAsync();
                    if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM return_batches") > 0) committed = clock.Elapsed;
                }
                try { await Task.Delay(50, stop.Token); } catch (OperationCanceledException) { }
            }
        });

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/returns") { Content = csv };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        using var response = await node.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await sampler;

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        string Mb(long bytes) => $"{bytes / 1048576.0:F0} MB";
        Console.WriteLine($"engine            {engine} ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
        Console.WriteLine($"status            {(int)response.StatusCode} {(body.Length > 200 ? body[..200] + "…" : body)}");
        Console.WriteLine($"rows              {csv.RowsWritten:N0} ({places:N0} places × {months} months), {csv.BytesWritten:N0} bytes, chunked");
        Console.WriteLine($"committed         {committed?.TotalSeconds:F1} s  ({csv.RowsWritten / committed?.TotalSeconds:N0} rows/s read, checked, planned and committed)");
        Console.WriteLine($"answered          {elapsed.TotalSeconds:F1} s  ({csv.RowsWritten / elapsed.TotalSeconds:N0} rows/s end to end)");
        Console.WriteLine($"managed heap      {Mb(before)} live before, {Mb(peakHeap)} peak (with garbage), {Mb(after)} live after (grain states)");
        Console.WriteLine($"working set       {Mb(workingSetBefore)} before, {Mb(Process.GetCurrentProcess().PeakWorkingSet64)} peak");
        return response.IsSuccessStatusCode ? 0 : 1;
    }
}

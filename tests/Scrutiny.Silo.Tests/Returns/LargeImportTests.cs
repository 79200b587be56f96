using System.Diagnostics;
using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Tests.Returns;

/// <summary>Runs alone, after the parallel tests, so that the heap it measures is the import's.</summary>
[CollectionDefinition(nameof(LargeImportTests), DisableParallelization = true)]
public sealed class LargeImportCollection;

/// <summary>
/// A 100,000-row CSV in one request, generated as it is sent (chunked), imports whole, and while its rows stream in
/// (read, checked and staged, before the commit) the server's live managed heap stays flat. No time is asserted.
/// Figures and a load console: docs/benchmarks.md.
/// </summary>
[Collection(nameof(LargeImportTests))]
public sealed class LargeImportTests(ITestOutputHelper output)
{
    private const int Places = 1000;
    private const int Months = 100;

    /// <summary>
    /// How far the live heap may rise above what it was before the upload while the rows stream in. Measured: about
    /// 11 MB — Kestrel's and HttpClient's buffers (both ends are in this process), 250 staged rows, and the batch's
    /// duplicate check (24 bytes a row, up to ~5 MB with the dictionary's spare capacity). Holding the rows as
    /// objects would add ≈ 25 MB (100,000 records with their strings), and the duplicate check as it was (each row's
    /// three strings) added 23 MB.
    /// </summary>
    private const long MaxRiseWhileStreaming = 16 * 1024 * 1024;

    private static long LiveHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    [Theory]
    [InlineData(StoreEngine.Sqlite)]
    [InlineData(StoreEngine.Postgres)]
    public async Task A_100000_row_csv_imports_in_one_request_without_holding_the_rows(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);
        await GeneratedReturnsCsv.SeedCatalogueAsync(api.Node.CatalogueWriter, Places);
        api.Http.Timeout = TimeSpan.FromMinutes(10);
        var database = api.Node.Services.GetRequiredService<Database>();

        // Every 250 ms: which phase the batch is in (no row in return_batches until the staging commits) and the
        // live heap after a full collection.
        var baseline = LiveHeap();
        var (peakStaging, peakApplying, samplesStaging) = (0L, 0L, 0);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                long batches;
                await using (var connection = await database.OpenAsync())
                    batches = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM return_batches");
                var live = LiveHeap();
                if (batches == 0) { peakStaging = Math.Max(peakStaging, live); samplesStaging++; }
                else peakApplying = Math.Max(peakApplying, live);
                try { await Task.Delay(250, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        var csv = new GeneratedReturnsCsv(Places, Months);
        var clock = Stopwatch.StartNew();

        var response = await api.Http.SendAsync(api.Request(csv));

        var elapsed = clock.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal((100_000, 0, 0, false), await ReturnsEndpoint.SummaryAsync(response));
        Assert.Null(response.RequestMessage!.Content!.Headers.ContentLength);
        Assert.Equal(100_000, csv.RowsWritten);
        Assert.Equal(new StoreCounts(100_000, 1, 100_000), await api.CountsAsync());
        var series = await api.Node.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IIndicatorGrain>(IndicatorKey.For(GeneratedReturnsCsv.PlaceCode(617), GeneratedReturnsCsv.Indicator)).GetSeriesAsync(DataView.All);
        Assert.Equal(Months, series.Points.Count);
        Assert.Equal(GeneratedReturnsCsv.Value(617, 42), series.Points[42].Numerator);

        static string Mb(long bytes) => $"{bytes / 1048576.0:F1} MB";
        output.WriteLine($"{engine}: {csv.RowsWritten:N0} rows, {csv.BytesWritten:N0} bytes in {elapsed.TotalSeconds:F1} s " +
            $"({csv.RowsWritten / elapsed.TotalSeconds:N0} rows/s); live heap before {Mb(baseline)}, peak while streaming " +
            $"{Mb(peakStaging)} ({samplesStaging} samples), peak while applying {Mb(peakApplying)}; " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
        Assert.True(samplesStaging >= 3, $"Only {samplesStaging} samples were taken while the rows streamed in.");
        Assert.True(peakStaging - baseline < MaxRiseWhileStreaming,
            $"The live heap rose by {peakStaging - baseline:N0} bytes while the rows streamed in: the import holds rows.");
    }
}

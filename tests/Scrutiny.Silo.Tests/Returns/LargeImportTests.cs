using System.Diagnostics;
using System.Net;
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
/// (read and checked, before the commit) the server holds them compactly: a few dozen bytes a row, not a copy of each
/// row's text. No time is asserted.
/// Figures and a load console: docs/benchmarks.md.
/// </summary>
[Collection(nameof(LargeImportTests))]
public sealed class LargeImportTests(ITestOutputHelper output)
{
    private const int Places = 1000;
    private const int Months = 100;

    /// <summary>
    /// How far the live heap may rise above what it was before the upload while the rows stream in. Held then:
    /// Kestrel's and HttpClient's buffers (both ends are in this process), the batch's duplicate check (24 bytes a row,
    /// up to ~5 MB with the dictionary's spare capacity) and the accepted rows, which share the batch's codes and
    /// periods (about 80 bytes a row with the list). Each row with its own three strings measured 51 MB in all.
    /// </summary>
    private const long MaxRiseWhileStreaming = 28 * 1024 * 1024;

    private static long LiveHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    [Theory]
    [InlineData(StoreEngine.Sqlite)]
    [InlineData(StoreEngine.Postgres)]
    public async Task A_100000_row_csv_imports_in_one_request_holding_its_rows_compactly(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);
        await GeneratedReturnsCsv.SeedCatalogueAsync(api.Node.CatalogueWriter, Places);
        api.Http.Timeout = TimeSpan.FromMinutes(10);

        // Every 250 ms while the rows stream in (until the client has written its last row: it sends as a slow
        // connection does, about 3 s in all, so that the server reads as it writes), the live heap after a full
        // collection. Not after: each forced collection stops the whole process, the import's apply with it, and on a
        // busy machine that made the apply take minutes.
        var baseline = LiveHeap();
        var csv = new GeneratedReturnsCsv(Places, Months) { PauseBetweenChunks = TimeSpan.FromMilliseconds(40) };
        var (peakStaging, samplesStaging) = (0L, 0);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested && csv.RowsWritten < Places * Months)
            {
                peakStaging = Math.Max(peakStaging, LiveHeap());
                samplesStaging++;
                try { await Task.Delay(250, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
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
        Assert.Equal(new StoreCounts(100_000, 1), await api.CountsAsync());
        var series = await api.Node.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IIndicatorGrain>(IndicatorKey.For(GeneratedReturnsCsv.PlaceCode(617), GeneratedReturnsCsv.Indicator)).GetSeriesAsync(DataView.All);
        Assert.Equal(Months, series.Points.Count);
        Assert.Equal(GeneratedReturnsCsv.Value(617, 42), series.Points[42].Numerator);

        static string Mb(long bytes) => $"{bytes / 1048576.0:F1} MB";
        output.WriteLine($"{engine}: {csv.RowsWritten:N0} rows, {csv.BytesWritten:N0} bytes in {elapsed.TotalSeconds:F1} s " +
            $"({csv.RowsWritten / elapsed.TotalSeconds:N0} rows/s); live heap before {Mb(baseline)}, peak while streaming " +
            $"{Mb(peakStaging)} ({samplesStaging} samples); " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
        Assert.True(samplesStaging >= 3, $"Only {samplesStaging} samples were taken while the rows streamed in.");
        Assert.True(peakStaging - baseline < MaxRiseWhileStreaming,
            $"The live heap rose by {peakStaging - baseline:N0} bytes while the rows streamed in: the import holds more than its rows' figures.");
    }
}

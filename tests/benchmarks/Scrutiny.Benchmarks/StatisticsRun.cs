using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Grains.Statistics;
using Scrutiny.Silo.Benchmarks;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Benchmarks;

// What the statistics cost: SeriesStatistics.Of (SPC, intervals, trend, baseline) on monthly rate series of several
// lengths, in-process; then a benchmark read (parent, England, a 15-place comparator group, quintiles among 40
// places of one type) through BenchmarkService on an in-process SQLite node with warm grains; then what publication
// control adds: a series read in the published view (its own statistics, computed once a day or after a change) and a
// place summary in the published view (one indicator grain asked per indicator) against the same reads of everything.
//
//   dotnet run -c Release --project tests/benchmarks/Scrutiny.Benchmarks -- statistics
internal static class StatisticsRun
{
    private static readonly IndicatorDefinition Rate = new("emergency-admissions-65plus", "Admissions", "health_and_care",
        IndicatorUnit.RatePer100000, Polarity.LowerIsBetter, Frequency.Monthly, CombineMethod.SumNumeratorsAndDenominators);

    public static async Task<int> RunAsync()
    {
        Console.WriteLine($"machine           {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        foreach (var length in new[] { 12, 24, 60, 120, 240 }) SeriesStatisticsCost(length);
        await BenchmarkReadCostAsync(places: 40, groupSize: 15);
        await PublishedViewCostAsync(months: 60);
        return 0;
    }

    private static void SeriesStatisticsCost(int length)
    {
        var random = new Random(length);
        var start = new Period(Frequency.Monthly, 2006, 1);
        var points = Enumerable.Range(0, length).Select(i =>
        {
            var denominator = 61_000.0;
            var numerator = Math.Round(600 + 40 * Normal(random) + (i > length / 2 ? 60 : 0));
            return new SeriesPoint(start.Next(i).ToString(), numerator, denominator, Rate.ValueOf(numerator, denominator), []);
        }).ToList();
        var settings = new IndicatorSettings(null, 650, []);
        for (var i = 0; i < 3_000; i++) SeriesStatistics.Of(Rate, points, settings); // warm up the JIT (tiered compilation)

        const int runs = 5_000;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++) SeriesStatistics.Of(Rate, points, settings);
        clock.Stop();
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / runs;
        Console.WriteLine($"series of {length,3}     {clock.Elapsed.TotalMicroseconds / runs,8:F1} µs per SeriesStatistics.Of, {allocated / 1024.0,6:F1} KB allocated");
    }

    private static async Task BenchmarkReadCostAsync(int places, int groupSize)
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var node = await TestNode.StartAsync(database);
        await MinimalCatalogue.SeedAsync(node.CatalogueWriter);
        var codes = Enumerable.Range(1, places).Select(i => $"E08{i:D6}").ToList();
        await node.CatalogueWriter.UpsertPlacesAsync([.. codes.Select(c => new Place(c, $"Borough {c}", "metropolitan_borough", "E47000001"))]);
        await node.CatalogueWriter.SaveComparatorGroupAsync(
            new ComparatorGroupDefinition("bench", "Bench group", codes[0], [.. codes.Skip(1).Take(groupSize)]), null, DateTimeOffset.UtcNow);
        var grains = node.Services.GetRequiredService<IGrainFactory>();
        var random = new Random(1);
        foreach (var code in codes.Append("E92000001"))
            await grains.GetGrain<IIndicatorGrain>(IndicatorKey.For(code, Rate.Code)).SubmitAsync(new ReturnSubmission("bench", "bench",
                DateTimeOffset.UtcNow, [new ReturnedValue("2026-01", "MFT", 500 + random.Next(200), 61_000, null)]));

        var service = node.Services.GetRequiredService<BenchmarkService>();
        var outcomes = node.Services.GetRequiredService<DataViews>().Public();
        for (var i = 0; i < 20; i++) await service.ForAsync(outcomes, codes[0], Rate.Code, null);
        const int runs = 200;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++) await service.ForAsync(outcomes, codes[0], Rate.Code, null);
        clock.Stop();
        Console.WriteLine($"benchmark read    {clock.Elapsed.TotalMilliseconds / runs,8:F2} ms per read ({places} places of the type, a group of {groupSize}, warm grains, SQLite catalogue)");
    }

    private static async Task PublishedViewCostAsync(int months)
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var node = await TestNode.StartAsync(database);
        await MinimalCatalogue.SeedAsync(node.CatalogueWriter);
        await node.CatalogueWriter.SetScheduleAsync(new IndicatorSchedule(Rate.Code, 30, null, null, PublicationRule.OnRelease));
        var grains = node.Services.GetRequiredService<IGrainFactory>();
        var grain = grains.GetGrain<IIndicatorGrain>(IndicatorKey.For("E08000003", Rate.Code));
        var periods = Enumerable.Range(0, months).Select(i => new Period(Frequency.Monthly, 2020, 1).Next(i).ToString()).ToList();
        await grain.SubmitAsync(new ReturnSubmission("bench", "bench", DateTimeOffset.UtcNow,
            [.. periods.Select((p, i) => new ReturnedValue(p, "MFT", 600 + i % 7 * 10, 61_000, null))]));
        var releaser = node.Services.GetRequiredService<PeriodReleaser>();
        foreach (var period in periods[..^1]) await releaser.ReleaseAsync(Rate.Code, new ReleaseRequest(period), "bench");

        async Task<double> MicrosecondsAsync(Func<Task> read, int runs = 2_000)
        {
            for (var i = 0; i < 200; i++) await read();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < runs; i++) await read();
            return clock.Elapsed.TotalMicroseconds / runs;
        }

        var all = await MicrosecondsAsync(() => grain.GetSeriesAsync(DataView.All));
        var published = await MicrosecondsAsync(() => grain.GetSeriesAsync(DataView.Published));
        Console.WriteLine($"series read       {all,8:F1} µs everything, {published,8:F1} µs published ({months} months, all but the newest released; warm)");

        // After each change the published view's statistics are computed again, on its first read.
        const int changes = 300;
        var firstRead = TimeSpan.Zero;
        for (var i = 0; i < changes; i++)
        {
            await grain.SubmitAsync(new ReturnSubmission($"bench-{i}", "bench", DateTimeOffset.UtcNow, [new ReturnedValue(periods[^1], "MFT", 600 + i % 2, 61_000, null)]));
            var clock = Stopwatch.StartNew();
            await grain.GetSeriesAsync(DataView.Published);
            firstRead += clock.Elapsed;
        }
        Console.WriteLine($"published, cold   {firstRead.TotalMicroseconds / changes,8:F1} µs for the first published read after a change");

        var summaryAll = await MicrosecondsAsync(() => grains.GetPlaceSummaryAsync("E08000003", DataView.All));
        var summaryPublished = await MicrosecondsAsync(() => grains.GetPlaceSummaryAsync("E08000003", DataView.Published));
        Console.WriteLine($"place summary     {summaryAll,8:F1} µs everything, {summaryPublished,8:F1} µs published (one grain call per indicator)");
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

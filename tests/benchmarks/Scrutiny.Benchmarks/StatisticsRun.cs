using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Runtime;
using Scrutiny.Grains.Statistics;
using Scrutiny.Silo.Benchmarks;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Benchmarks;

// What the statistics cost: SeriesStatistics.Of (SPC, intervals, trend, baseline) on monthly rate series of several
// lengths, in-process; then a benchmark read (parent, England, a 15-place comparator group, quintiles among 40
// places of one type) through BenchmarkService on an in-process SQLite node with warm grains.
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
            await grains.Get<IIndicatorGrain>(IndicatorKey.For(code, Rate.Code)).SubmitAsync(new ReturnSubmission("bench", "bench",
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

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Silo.Comparisons;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Silo.Tests.Comparisons;

/// <summary>One indicator across places: the period chosen, the order, ranks and the verdict against England.</summary>
public sealed class PlaceComparisonTests
{
    [Fact]
    public void The_latest_common_period_is_the_newest_every_place_with_values_has_else_the_one_most_have()
    {
        HashSet<string> Of(params string[] periods) => [.. periods];
        string[] newestFirst = ["2026-03", "2026-02", "2026-01"];

        Assert.Equal("2026-02", PlaceComparison.LatestCommonPeriod([Of("2026-03", "2026-02"), Of("2026-02", "2026-01"), Of()], newestFirst));
        Assert.Equal("2026-03", PlaceComparison.LatestCommonPeriod([Of("2026-03"), Of("2026-03"), Of("2026-01")], newestFirst));
        Assert.Null(PlaceComparison.LatestCommonPeriod([Of(), Of()], []));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Places_of_a_type_are_best_first_ranked_and_compared_with_england_as_their_own_benchmarks_are(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();
        // Lower is better. Manchester 983.6 (interval about 907 to 1,066) and Trafford 700 against England's 1,200.
        await SubmitAsync(silo, "E92000001", 120_000, 10_000_000);
        await SubmitAsync(silo, "E08000003", 600, 61_000);
        await SubmitAsync(silo, "E08000009", 280, 40_000);
        var comparisons = silo.Services.GetRequiredService<PlaceComparison>();

        var scope = (await comparisons.ScopeAsync(ScopeKind.Type, "metropolitan_borough"))!;
        var everything = silo.Services.GetRequiredService<DataViews>().Everything();
        var comparison = (await comparisons.CompareAsync(everything, scope, "emergency-admissions-65plus", period: null))!;

        Assert.Equal("2026-01", comparison.Period);
        Assert.Equal(["E08000009", "E08000003"], comparison.Places.Select(p => p.Place.Code));
        Assert.Equal([1, 2], comparison.Places.Select(p => p.Rank));
        Assert.Equal(1200.0, comparison.England?.Value);
        var own = await silo.Services.GetRequiredService<Benchmarks.BenchmarkService>().ForAsync(everything, "E08000003", "emergency-admissions-65plus", null);
        Assert.Equal(own!.England!.Outcome, comparison.Places[1].VersusEngland);
        Assert.Equal(BenchmarkOutcome.Better, comparison.Places[1].VersusEngland);
        Assert.Equal(own.Interval95, comparison.Places[1].Interval95);
        Assert.Null(await comparisons.ScopeAsync(ScopeKind.Group, "no-such-group"));
    }

    private static Task SubmitAsync(TestSilo silo, string place, double numerator, double denominator) =>
        silo.Grains.GetGrain<IIndicatorGrain>(IndicatorKey.For(place, "emergency-admissions-65plus")).SubmitAsync(new ReturnSubmission(
            $"batch-{place}", "test", DateTimeOffset.UtcNow, [new ReturnedValue("2026-01", "MFT", numerator, denominator, null)]));
}

using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Grains.Statistics.Spc;
using Scrutiny.Silo.Benchmarks;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Scorecards;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Api;
using Scrutiny.Tests.Infrastructure;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Silo.Tests.Scorecards;

/// <summary>
/// A place's scorecard from real returns: the place grain's icons, benchmarks against parent and England (the same
/// as the benchmarks API's), and who has returned the latest period (MCC and MFT both owe every indicator).
/// </summary>
public sealed class PlaceScorecardTests
{
    private const string England = "E92000001";
    private const string GreaterManchester = "E47000001";
    private const string Manchester = "E08000003";
    private const string Admissions = "emergency-admissions-65plus";
    private const string DelayedDays = "delayed-discharge-days";

    [Theory, ClassData(typeof(Engines))]
    public async Task A_row_carries_the_latest_icons_benchmarks_against_parent_and_England_and_who_returned(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        await SubmitConcernAsync(api);

        var scorecard = (await api.Node.Services.GetRequiredService<PlaceScorecard>().ForAsync(api.Node.Services.GetRequiredService<DataViews>().Public(), Manchester))!;

        var admissions = scorecard.Rows.Single(r => r.Indicator.Code == Admissions);
        Assert.Equal(("2025-11", VariationIcon.ConcernHigh, VariationGroup.Concern),
            (admissions.Latest!.Period, admissions.Latest.VariationIcon, admissions.Variation));
        // 900 in 61,000 = 1,475 per 100,000: England's 1,000 lies below its interval (worse, lower is better);
        // Greater Manchester's 1,475 inside it.
        Assert.Equal((BenchmarkOutcome.Worse, 1000.0), (admissions.England!.Outcome, admissions.England.Value!.Value));
        Assert.Equal((BenchmarkOutcome.Similar, GreaterManchester), (admissions.Parent!.Outcome, admissions.Parent.Place));
        Assert.NotNull(admissions.Interval95);
        // MFT sent 2025-11 today, long after it was due; MCC has sent nothing and is past the due date.
        var completeness = admissions.Completeness!;
        Assert.Equal("2025-11", completeness.Period);
        Assert.Equal(["MCC", "MFT"], completeness.Expected);
        Assert.Equal(["MFT"], completeness.Received);
        Assert.Equal(["MCC"], completeness.Missing);
        Assert.Empty(completeness.NotYetDue);
        Assert.Equal(["MFT"], completeness.Late);
        Assert.Equal("1 of 2 agencies; missing: MCC; late: MFT", completeness.Summary);

        // Nothing returned: no value, icons or benchmarks, and the completeness of the last ended month.
        var delayed = scorecard.Rows.Single(r => r.Indicator.Code == DelayedDays);
        Assert.Null(delayed.Latest);
        Assert.Null(delayed.England);
        var lastMonth = RecentPeriods.EndedBy(TimeProvider.System.Today(), Frequency.Monthly, 1)[0].ToString();
        Assert.Equal((lastMonth, 0), (delayed.Completeness!.Period, delayed.Completeness.Received.Count));
        Assert.Equal(["MCC", "MFT"], delayed.Completeness.Missing.Concat(delayed.Completeness.NotYetDue).Order());

        Assert.Equal(["health_and_care"], scorecard.Themes);
        Assert.Equal(GreaterManchester, scorecard.Parent!.Code);
    }

    [Fact]
    public async Task The_light_comparison_gives_the_same_verdicts_as_the_full_benchmarks()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        await SubmitConcernAsync(api);
        var services = api.Node.Services;
        var catalogue = services.GetRequiredService<SqlCatalogue>();
        var places = await catalogue.PlaceHierarchyAsync();

        var everything = services.GetRequiredService<DataViews>().Everything();
        var full = (await services.GetRequiredService<BenchmarkService>().ForAsync(everything, Manchester, Admissions, "2025-11"))!;
        var light = await services.GetRequiredService<BenchmarkService>().CompareWithParentAndEnglandAsync(everything,
            places.ByCode[Manchester], (await catalogue.FindIndicatorAsync(Admissions))!, "2025-11", places);

        Assert.Equal(full.Parent, light.Parent);
        Assert.Equal(full.England, light.England);
        Assert.Equal((full.Value, full.Interval95), (light.Own.Value, light.Own.Interval95));
    }

    [Fact]
    public async Task The_home_counts_come_from_the_place_grains_icons()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        await SubmitConcernAsync(api);
        // Steady days, alternating about their mean: common cause.
        await api.SubmitAsync([.. Months(23).Select((p, i) => (object)new { place = Manchester, indicator = DelayedDays, period = p, numerator = i % 2 == 0 ? 1000 : 1020 })]);
        var scorecards = api.Node.Services.GetRequiredService<PlaceScorecard>();
        var outcomes = api.Node.Services.GetRequiredService<DataViews>().Public();

        Assert.Equal(new VariationCounts(2, 0, 1, 1, 0), await scorecards.CountsAsync(outcomes, Manchester));
        Assert.Equal(new VariationCounts(0, 0, 0, 0, 0), await scorecards.CountsAsync(outcomes, "E08000009"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_parent_made_from_its_places_follows_a_revised_return(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        await api.SubmitAsync(new { place = Manchester, indicator = Admissions, period = "2025-11", numerator = 900, denominator = 61_000 });
        // Trafford's figure straight to its grain; Greater Manchester has none of its own, so its value is its places' sum.
        await PublishedAsync(api, "E08000009", 300, 39_000);
        var scorecards = api.Node.Services.GetRequiredService<PlaceScorecard>();
        var views = api.Node.Services.GetRequiredService<DataViews>();

        var before = (await scorecards.ForAsync(views.Public(), Manchester))!.Rows.Single(r => r.Indicator.Code == Admissions).Parent!;
        await api.SubmitAsync(new { place = Manchester, indicator = Admissions, period = "2025-11", numerator = 1_100, denominator = 61_000 });
        var after = (await scorecards.ForAsync(views.Public(), Manchester))!.Rows.Single(r => r.Indicator.Code == Admissions).Parent!;

        // (900 + 300) / 100,000, then (1,100 + 300) / 100,000, per 100,000: the sum made again after the revision.
        Assert.Equal((GreaterManchester, 1_200.0), (before.Place, before.Value!.Value));
        Assert.Equal((GreaterManchester, 1_400.0), (after.Place, after.Value!.Value));
    }

    /// <summary>
    /// MFT's admissions for 2024-01 to 2025-11: 15 steady months, then 8 high ones (a concern, lower being better);
    /// England's and Greater Manchester's 2025-11 straight to their grains, as published figures would arrive.
    /// </summary>
    private static async Task SubmitConcernAsync(CatalogueApiUnderTest api)
    {
        await api.SubmitAsync([.. Months(23).Select((p, i) => (object)new
            { place = Manchester, indicator = Admissions, period = p, numerator = i < 15 ? (i % 2 == 0 ? 595 : 605) : 900, denominator = 61_000 })]);
        await PublishedAsync(api, England, 100_000, 10_000_000);
        await PublishedAsync(api, GreaterManchester, 14_754, 1_000_000);
    }

    private static IEnumerable<string> Months(int count) =>
        Enumerable.Range(0, count).Select(i => new Period(Frequency.Monthly, 2024, 1).Next(i).ToString());

    private static Task PublishedAsync(CatalogueApiUnderTest api, string place, double numerator, double denominator) =>
        api.Node.Services.GetRequiredService<IGrainFactory>().GetGrain<IIndicatorGrain>(IndicatorKey.For(place, Admissions))
            .SubmitAsync(new ReturnSubmission($"test-{place}", "test", DateTimeOffset.UtcNow,
                [new ReturnedValue("2025-11", "ONS", numerator, denominator, null)]));
}

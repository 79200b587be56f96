using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Seeding;

/// <summary>
/// Seeds the demo: catalogue from the fixtures, agencies, boards, a few years of returns, an account per role, one
/// indicator published on release with its newest period not yet released; then the story a newcomer clicks through:
/// each board's commitments, pooled fund and Turn-the-Curve plan, and the scrutiny committee with its work programme,
/// recommendations and questions, dated relative to today so that the demo stays fresh.
/// </summary>
public sealed class DemoSeeder(
    CatalogueWriter catalogue, IGrainFactory grains, DemoPeople people, DemoPublication publication, DemoBoards boards, DemoScrutiny scrutiny,
    Benefits.CaseEditor cases, Benefits.AppraisalStore appraisal, TimeProvider time, ILogger<DemoSeeder> logger)
{
    public const string SubmittedBy = "seed-demo";

    /// <summary>Years of synthetic history up to the last complete period, enough for trends and SPC limits.</summary>
    public const int YearsOfHistory = 4;

    // Each grain writes in its own transaction, so several can go at once: on PostgreSQL that halves the seed
    // (about 1.8 s one at a time, 0.9 s eight at a time); SQLite takes one writer at a time and loses a little
    // (about 0.47 s against 0.55 s).
    private const int ConcurrentGrains = 8;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var claimantCount = FixtureFiles.ClaimantCount();
        var neighbours = FixtureFiles.TraffordNeighbours();
        var fixturePlaces = FixtureFiles.Places();
        IReadOnlyList<Place> places = [.. fixturePlaces, .. ClaimantCountImport.MissingPlaces(claimantCount, neighbours, fixturePlaces)];
        IReadOnlyList<IndicatorDefinition> indicators =
            [.. FixtureFiles.Indicators(), DemoIndicators.ClaimantCount, DemoIndicators.ClaimantRate, DemoIndicators.DischargeCohortSize];
        await new DemoCatalogue(catalogue).WriteAsync(places, indicators, neighbours, cancellationToken);
        await publication.SetRulesAsync(cancellationToken);

        DemoPeople.Print(await people.CreateAsync(cancellationToken), Console.Out);

        var plan = DemoReturns.Plan(indicators, claimantCount, today.AddYears(-YearsOfHistory), today);
        var outcomes = new int[Enum.GetValues<ReturnOutcome>().Length];
        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentGrains, CancellationToken = cancellationToken },
            async (returns, _) =>
            {
                var grain = grains.IndicatorGrain(returns.Place, returns.Indicator.Code);
                // One submission per sending time, so that each period carries the day its return was sent.
                foreach (var sent in returns.Values.GroupBy(v => DemoSubmissionTimes.For(returns.Place, returns.Indicator, v.Period, now)))
                {
                    var submission = new ReturnSubmission($"seed-{returns.Place}-{returns.Indicator.Code}", SubmittedBy, sent.Key, [.. sent]);
                    foreach (var outcome in (await grain.SubmitAsync(submission)).Outcomes) Interlocked.Increment(ref outcomes[(int)outcome]);
                }
            });

        await publication.ReleaseAllButNewestAsync(plan.Where(r => r.Indicator.Code == DemoPublication.ReleasedIndicator)
            .SelectMany(r => r.Values.Select(v => v.Period)), cancellationToken);

        // Before the boards, whose cases value outcomes by them; an administrator's own figures are never replaced.
        if ((await appraisal.ListUnitCostsAsync(cancellationToken)).Count == 0)
            foreach (var (code, body) in DemoCases.UnitCosts) await cases.SaveUnitCostAsync(code, body, SubmittedBy, cancellationToken);
        if ((await appraisal.GetSettingsAsync(cancellationToken)).UpdatedBy is null)
            await cases.SaveSettingsAsync(DemoCases.Settings(today), SubmittedBy, cancellationToken);

        // After the returns: baselines and statuses are read from the figures, and the committee links to the commitments.
        var written = new DemoBoardCounts[DemoBoroughs.All.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, DemoBoroughs.All.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentGrains, CancellationToken = cancellationToken },
            async (i, token) => written[i] = await boards.SeedAsync(DemoBoroughs.All[i], now, token));
        var story = written.Aggregate(DemoBoardCounts.None, (sum, board) => sum.Add(board));
        var committees = new List<DemoScrutinyCounts>();
        foreach (var committee in DemoCommittees.All) committees.Add(await scrutiny.SeedAsync(committee, now, cancellationToken));

        logger.LogInformation(
            "Demo seeded in {Elapsed} ms: {Places} places, {Boards} boards, {Grains} indicator series, {Imported} values imported, {Updated} updated, {Unchanged} unchanged",
            stopwatch.ElapsedMilliseconds, places.Count, DemoBoroughs.All.Count, plan.Count,
            outcomes[(int)ReturnOutcome.Imported], outcomes[(int)ReturnOutcome.Updated], outcomes[(int)ReturnOutcome.Unchanged]);
        logger.LogInformation(
            "Demo story: {Commitments} commitments with {Milestones} milestones and {Updates} updates, {FundEntries} pooled fund entries, " +
            "{Plans} Turn-the-Curve plans; {Committees} committees with {Topics} work programme topics, {Recommendations} recommendations, {Questions} questions " +
            "(nothing is written to a board or committee that has records already)",
            story.Commitments, story.Milestones, story.Updates, story.FundEntries, story.Plans,
            committees.Sum(c => c.Committees), committees.Sum(c => c.Topics), committees.Sum(c => c.Recommendations), committees.Sum(c => c.Questions));
    }
}

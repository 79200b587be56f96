using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Boards;

namespace Scrutiny.Silo.Seeding;

/// <summary>What the seed wrote to one board.</summary>
public sealed record DemoBoardCounts(int Commitments, int Milestones, int Updates, int FundEntries, int Plans)
{
    public static readonly DemoBoardCounts None = new(0, 0, 0, 0, 0);

    public DemoBoardCounts Add(DemoBoardCounts other) => new(Commitments + other.Commitments, Milestones + other.Milestones,
        Updates + other.Updates, FundEntries + other.FundEntries, Plans + other.Plans);
}

/// <summary>
/// A demo board's story: its commitments made at the start of the financial year before last with their milestones,
/// milestones done as the months went by, the pooled fund paid in and spent, updates with evidence in the last
/// weeks, a Turn-the-Curve plan, then the chair and meetings. Everything goes through <see cref="BoardEditor"/>, the
/// API's own checks and writes (audited, actor <see cref="DemoSeeder.SubmittedBy"/>), on a clock set to each step's day.
/// </summary>
public sealed class DemoBoards(BoardBodyRules rules, IGrainFactory grains, BoardDetailsStore details, ICatalogue catalogue, Benefits.AppraisalStore appraisal)
{
    private const string Actor = DemoSeeder.SubmittedBy;

    /// <summary>Writes the story, unless the board has records already (a seeded demo is left as it is).</summary>
    public async Task<DemoBoardCounts> SeedAsync(DemoBorough borough, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var board = await catalogue.FindBoardAsync(DemoBoroughs.BoardId(borough), cancellationToken)
            ?? throw new InvalidOperationException($"The demo board of {borough.Slug} is not in the catalogue.");
        var existing = await grains.Grain<IPartnershipBoardGrain>(board.Id).GetBoardAsync(DataView.All);
        if (existing is null || existing.Commitments.Count > 0 || existing.Fund.Count > 0 || existing.Plans.Count > 0) return DemoBoardCounts.None;

        var clock = new DemoClock(now);
        var editor = new BoardEditor(rules, grains, details, clock);
        var story = new DemoTimeline(now);
        var today = story.Today;
        var committedOn = DemoDays.CommitmentsMade(today);
        var made = new List<(DemoCommitmentPlan Plan, string Id)>();
        int milestones = 0, updates = 0;

        foreach (var plan in DemoCommitmentPlans.All)
        {
            var headline = await BaselineAsync(borough, plan.Indicators[0], committedOn);
            var target = headline is { } b ? Target(plan, b, today) : null;
            var body = new CommitmentBody(plan.Title, plan.Result, [.. plan.Indicators],
                headline is { } m ? new MeasureBody(m.Value, DemoDays.Text(m.Date)) : null,
                target is { } t ? new MeasureBody(t.Value, DemoDays.Text(t.Date)) : null,
                borough.AgencyFor(plan.Lead), [.. plan.Contributing.Select(borough.AgencyFor)]);
            story.On(committedOn, 10, async () =>
            {
                // Made without its target, which is set once the milestones are in: a commitment with a target met and no
                // milestones yet derives as done, and its history would open with a status it never had.
                var commitment = Written(await editor.CreateCommitmentAsync(board, body with { Target = null }, Actor), plan.Title);
                made.Add((plan, commitment.Id));
                foreach (var milestone in plan.Milestones)
                {
                    var draft = new MilestoneBody(milestone.Title, DemoDays.Text(today.AddDays(milestone.DueInDays)), borough.AgencyFor(milestone.Owner), null);
                    var added = Written(await editor.AddMilestoneAsync(board, commitment.Id, draft, Actor), milestone.Title);
                    milestones++;
                    if (milestone.DoneInDays is { } done)
                        story.On(today.AddDays(done), 16, async () => Written(await editor.UpdateMilestoneAsync(board, commitment.Id, added.Id,
                            draft with { CompletedOn = DemoDays.Text(today.AddDays(done)) }, Actor), milestone.Title));
                }
                Written(await editor.UpdateCommitmentAsync(board, commitment.Id, body, Actor), plan.Title);
                story.On(today.AddDays(plan.UpdateInDays), 11, async () =>
                {
                    Written(await editor.AddUpdateAsync(board, commitment.Id, new UpdateBody(plan.Update, plan.Evidence), Actor), plan.Title);
                    updates++;
                });
            });
        }

        // A spend names its commitment, whose id the board gave when it was made (earlier in the story).
        var fundEntries = 0;
        foreach (var (entry, plan) in DemoFund.Entries(borough, DemoCommitmentPlans.All, today))
            story.On(DemoDays.Parse(entry.On!), 9, async () =>
            {
                var against = plan is null ? entry : entry with { Commitment = made.Single(m => m.Plan == plan).Id };
                Written(await editor.AddFundEntryAsync(board, against, Actor), $"fund {entry.Kind} {entry.On}");
                fundEntries++;
            });

        // The demo's cohort and cost-benefit case, a month after the commitment was made (DemoCases: its unit costs are seeded first).
        if (DemoCases.Effects.ContainsKey(borough.Slug))
            story.On(committedOn.AddDays(30), 15, async () =>
            {
                var commitment = made.Single(m => m.Plan == DemoCases.Plan).Id;
                Written(await editor.CreateCohortAsync(board, DemoCases.Cohort(borough, commitment), Actor), "cohort");
                var cases = new Benefits.CaseEditor(grains, appraisal, catalogue, clock);
                Written(await cases.SetAsync(board, commitment, DemoCases.Case(today), Actor, cancellationToken), "case");
            });

        var place = await catalogue.FindPlaceAsync(borough.PlaceCode, cancellationToken);
        story.On(today.AddDays(DemoTurnTheCurve.SetInDays), 14, async () => Written(await editor.SetTurnTheCurveAsync(board, DemoTurnTheCurve.Indicator,
            new TurnTheCurveBody(DemoTurnTheCurve.Story(place?.Name ?? borough.Slug),
                [.. DemoTurnTheCurve.Partners.Select(p => new CurvePartnerBody(borough.AgencyFor(p.Role), p.Part))],
                [.. DemoTurnTheCurve.WhatWorks.Select(w => new WhatWorksBody(w.Idea, w.Cost))]), Actor), "Turn the Curve"));

        // Last, at the seed's now: the chair and meetings, which also records every status as it stands today.
        var council = await catalogue.FindAgencyAsync(borough.Council, cancellationToken);
        var lastMeeting = DemoDays.OnOrBefore(today.AddDays(-21), DayOfWeek.Wednesday);
        story.AtNow(async () => Written(await editor.SetDetailsAsync(board,
            new BoardDetailsBody($"Executive member for health and care, {council?.Name ?? borough.Council}",
                [.. DemoDays.Every(6, lastMeeting, before: 3, after: 2).Select(DemoDays.Text)]), Actor, cancellationToken), "details"));

        await story.RunAsync(clock);
        return new DemoBoardCounts(made.Count, milestones, updates, fundEntries, Plans: 1);
    }

    /// <summary>
    /// The headline indicator's mean over the year before the commitment was made, dated at that year's last period's
    /// end: a year, so that a monthly indicator's season does not set the bar (a baseline taken in a summer low would be
    /// a target already met, one taken in a winter peak one that cannot be missed). Rounded as the indicator is reported.
    /// </summary>
    private async Task<Measure?> BaselineAsync(DemoBorough borough, string indicator, DateOnly on)
    {
        var series = await grains.IndicatorGrain(borough.PlaceCode, indicator).GetSeriesAsync(DataView.Published);
        var year = series.Points
            .Select(p => (Period: Period.Parse(p.Period), p.Value))
            .Where(p => p.Value is not null && p.Period.End <= on && p.Period.End > on.AddYears(-1))
            .ToList();
        return year.Count == 0 ? null : new Measure(Rounded(year.Average(p => p.Value!.Value)), year[^1].Period.End);
    }

    /// <summary>
    /// The baseline improved by the plan's share (down for an indicator where lower is better, as every demo headline
    /// is), by the end of the next financial year.
    /// </summary>
    private static Measure Target(DemoCommitmentPlan plan, Measure baseline, DateOnly today) =>
        new(Rounded(baseline.Value * (1 - plan.Improvement)), DemoDays.FinancialYearStart(today).AddYears(2).AddDays(-1));

    /// <summary>Counts in whole numbers; percentages and rates to one decimal place, as the pages show them.</summary>
    private static double Rounded(double value) => Math.Round(value, Math.Abs(value) >= 100 ? 0 : 1);

    /// <summary>The record written; a demo body the API's own rules refuse is a bug in the seed, not something to skip.</summary>
    private static T Written<T>(BoardEdit<T> edit, string what) where T : class =>
        edit.Value ?? throw new InvalidOperationException(edit.Problems.Count == 0
            ? $"Demo board write '{what}': the record it names was not found."
            : $"Demo board write '{what}' was refused: {string.Join("; ", edit.Problems.Select(p => $"{p.Field} {p.Code}: {p.Message}"))}");
}

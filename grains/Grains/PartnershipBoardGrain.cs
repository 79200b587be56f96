using System.Text.Json;
using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Grains.Grains;

/// <summary>
/// A board's roll-up and records. Statuses are derived on every read from the linked indicators' series (read through
/// their grains, never copied), so a page always shows what the latest return says; <see cref="RefreshStatusesAsync"/>
/// and every write record the statuses that moved, so the meeting view can say what changed and when.
/// </summary>
[GrainType(GrainStates.PartnershipBoard)]
public sealed class PartnershipBoardGrain(
    ICatalogue catalogue, TimeProvider time, IChangePublisher feed,
    [PersistentState(GrainStates.PartnershipBoard, GrainStates.Storage)] IPersistentState<BoardState> state) : Grain, IPartnershipBoardGrain
{
    private BoardState State => state.State;

    private string Key => this.GetPrimaryKeyString();

    /// <summary>Who records a status that moved because an indicator or a date did, not a person.</summary>
    public const string System = "system";

    public async Task<BoardSummary?> GetSummaryAsync()
    {
        // Read on every call: board membership is edited by administrators and must show at once.
        if (await catalogue.FindBoardAsync(Key) is not { } board) return null;
        var (place, members) = await PlaceAndMembersAsync(board);
        var summary = await GrainFactory.Grain<IPlaceGrain>(board.PlaceCode).GetSummaryAsync();
        return new BoardSummary(board, place, members, summary.Latest);
    }

    public async Task<BoardView?> GetBoardAsync(DataView view)
    {
        if (await catalogue.FindBoardAsync(Key) is not { } board) return null;
        return await ViewAsync(board, await SeriesAsync(board, view));
    }

    public async Task<MeetingChanges?> GetChangesSinceAsync(DateOnly since, DataView view)
    {
        if (await catalogue.FindBoardAsync(Key) is not { } board) return null;
        var series = await SeriesAsync(board, view);
        var boardView = await ViewAsync(board, series);
        var sinceStart = new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var moves = new List<StatusMove>();
        foreach (var c in boardView.Commitments)
        {
            var was = c.Commitment.History.LastOrDefault(h => h.At < sinceStart)?.Status;
            var changes = c.Commitment.History.Where(h => h.At >= sinceStart).ToList();
            if (was != c.Status.Status || changes.Count > 0 && changes.Any(h => h.Status != was))
                moves.Add(new StatusMove(c.Commitment, was, c.Status, changes));
        }

        var missed = boardView.Commitments.SelectMany(c => c.Commitment.Milestones.Select(m => (c.Commitment, m)))
            .Where(x => MilestoneStates.Of(x.m.Due, x.m.CompletedOn, boardView.Today) == MilestoneState.Missed &&
                        x.m.Due.AddDays(MilestoneStates.MissedAfterDays + 1) > since)
            .Select(x => new MissedMilestone(x.Commitment, x.m, boardView.Today.DayNumber - x.m.Due.DayNumber))
            .ToList();

        var specialCauses = series.Values
            .Select(s => (s, point: s.Statistics.Points.LastOrDefault(p => p.Spc is not null)))
            .Where(x => x.point?.Spc is { PointType: not Statistics.Spc.PointType.CommonCause })
            .Select(x => new SpecialCauseIndicator(x.s.Indicator.Code, x.s.Indicator.Title, x.point!.Period,
                x.s.Points.First(p => p.Period == x.point.Period).Value, x.point.Spc!.PointType,
                [.. State.Commitments.Where(c => c.Indicators.Contains(x.s.Indicator.Code)).Select(c => c.Id)]))
            .OrderBy(s => s.Indicator, StringComparer.Ordinal)
            .ToList();
        return new MeetingChanges(boardView, since, moves, missed, specialCauses);
    }

    public async Task<Commitment> CreateCommitmentAsync(CommitmentDraft draft, BoardChange change)
    {
        var commitment = new Commitment(State.NextId("c"), draft.Title, draft.Result, draft.Indicators, draft.Baseline,
            draft.Target, draft.LeadAgency, draft.ContributingAgencies, [], [], null, [], change.By, change.At);
        State.Commitments.Add(commitment);
        await WriteAsync(change, BoardActions.CommitmentCreated, commitment.Id, draft);
        return Find(commitment.Id)!;
    }

    public async Task<Commitment?> UpdateCommitmentAsync(string commitmentId, CommitmentDraft draft, BoardChange change)
    {
        if (Find(commitmentId) is not { } before) return null;
        Replace(before with
        {
            Title = draft.Title, Result = draft.Result, Indicators = draft.Indicators, Baseline = draft.Baseline,
            Target = draft.Target, LeadAgency = draft.LeadAgency, ContributingAgencies = draft.ContributingAgencies,
        });
        await WriteAsync(change, BoardActions.CommitmentUpdated, commitmentId, new { before = Draft(before), after = draft });
        return Find(commitmentId);
    }

    public async Task<Milestone?> AddMilestoneAsync(string commitmentId, MilestoneDraft draft, BoardChange change)
    {
        if (Find(commitmentId) is not { } commitment) return null;
        var milestone = new Milestone(State.NextId("m"), draft.Title, draft.Due, draft.Owner, draft.CompletedOn, UpdatedAt: change.At);
        Replace(commitment with { Milestones = [.. commitment.Milestones, milestone] });
        await WriteAsync(change, BoardActions.MilestoneAdded, commitmentId, milestone);
        return milestone;
    }

    public async Task<Milestone?> UpdateMilestoneAsync(string commitmentId, string milestoneId, MilestoneDraft draft, BoardChange change)
    {
        if (Find(commitmentId) is not { } commitment || commitment.Milestones.FirstOrDefault(m => m.Id == milestoneId) is not { } before)
            return null;
        var after = before with
        {
            Title = draft.Title, Due = draft.Due, Owner = draft.Owner, CompletedOn = draft.CompletedOn, Revision = before.Revision + 1, UpdatedAt = change.At,
        };
        Replace(commitment with { Milestones = [.. commitment.Milestones.Select(m => m.Id == milestoneId ? after : m)] });
        await WriteAsync(change, BoardActions.MilestoneUpdated, commitmentId, new { before, after });
        return after;
    }

    public async Task<CommitmentUpdate?> AddUpdateAsync(string commitmentId, string text, string? evidence, BoardChange change)
    {
        if (Find(commitmentId) is not { } commitment) return null;
        var update = new CommitmentUpdate(State.NextId("u"), text, evidence, change.By, change.At);
        Replace(commitment with { Updates = [.. commitment.Updates, update] });
        await WriteAsync(change, BoardActions.UpdateAdded, commitmentId, update);
        return update;
    }

    public async Task<Commitment?> OverrideStatusAsync(string commitmentId, CommitmentStatus? status, BoardChange change)
    {
        if (Find(commitmentId) is not { } commitment) return null;
        var reason = change.Reason ?? throw new ArgumentException("An override needs a reason.", nameof(change));
        var before = commitment.Override;
        Replace(commitment with { Override = status is { } s ? new StatusOverride(s, reason, change.By, change.At) : null });
        await WriteAsync(change, status is null ? BoardActions.OverrideCleared : BoardActions.StatusOverridden, commitmentId,
            new { before = before?.Status, after = status, reason });
        return Find(commitmentId);
    }

    public async Task<FundEntry> AddFundEntryAsync(FundEntryDraft draft, BoardChange change)
    {
        var entry = new FundEntry(State.NextId("f"), draft.Kind, draft.On, draft.Agency, draft.Commitment, draft.AmountPence,
            draft.Note, change.By, change.At);
        State.Fund.Add(entry);
        var action = draft.Kind == FundEntryKind.Contribution ? BoardActions.FundContribution : BoardActions.FundSpend;
        await WriteAsync(change, action, entry.Id, entry, [new FundLedgerEntry(Key, entry)]);
        return entry;
    }

    public async Task<TurnTheCurvePlan> SetTurnTheCurveAsync(string indicator, string story, IReadOnlyList<CurvePartner> partners,
        IReadOnlyList<WhatWorksIdea> whatWorks, BoardChange change)
    {
        var before = State.Plans.GetValueOrDefault(indicator);
        var plan = new TurnTheCurvePlan(indicator, story, partners, whatWorks, change.By, change.At);
        State.Plans[indicator] = plan;
        await WriteAsync(change, BoardActions.TurnTheCurveSet, $"turn-the-curve:{indicator}", new { before, after = plan });
        return plan;
    }

    public async Task<Cohort> CreateCohortAsync(CohortDraft draft, BoardChange change)
    {
        var cohort = new Cohort(State.NextId("k"), draft.Name, draft.Description, draft.Eligibility, draft.Agencies, draft.SizeIndicator,
            draft.Outcomes, draft.Commitments, change.By, change.At);
        State.Cohorts.Add(cohort);
        await WriteAsync(change, BoardActions.CohortCreated, cohort.Id, draft);
        return cohort;
    }

    public async Task<Cohort?> UpdateCohortAsync(string cohortId, CohortDraft draft, BoardChange change)
    {
        var index = State.Cohorts.FindIndex(c => c.Id == cohortId);
        if (index < 0) return null;
        var before = State.Cohorts[index];
        var after = before with
        {
            Name = draft.Name, Description = draft.Description, Eligibility = draft.Eligibility, Agencies = draft.Agencies,
            SizeIndicator = draft.SizeIndicator, Outcomes = draft.Outcomes, Commitments = draft.Commitments,
        };
        State.Cohorts[index] = after;
        await WriteAsync(change, BoardActions.CohortUpdated, cohortId, new { before = before.Draft, after = draft });
        return after;
    }

    public async Task<CaseSettings?> SetCaseAsync(string subjectId, CaseDraft? draft, BoardChange change)
    {
        if (Find(subjectId) is null && State.Cohorts.All(c => c.Id != subjectId)) return null;
        var before = State.Cases.GetValueOrDefault(subjectId);
        CaseSettings? after = null;
        if (draft is null) State.Cases.Remove(subjectId);
        else State.Cases[subjectId] = after = new CaseSettings(subjectId, draft.Starts, draft.Deadweight, draft.Attribution, draft.Lines,
            draft.Notes, change.By, change.At);
        await WriteAsync(change, draft is null ? BoardActions.CaseCleared : BoardActions.CaseSet, $"{subjectId}/case",
            new { before = before?.Draft, after = draft });
        return after;
    }

    /// <summary>
    /// How long a refresh waits for others to join it: a batch of returns moves a place's indicators one after another,
    /// and the board derives its statuses once for them all rather than once for each.
    /// </summary>
    public static readonly TimeSpan RefreshCoalescing = TimeSpan.FromMilliseconds(50);

    private IGrainTimer? _refresh;
    private bool _refreshUnpublished;

    public Task RefreshStatusesAsync(bool unpublished = false)
    {
        // A change by published and unpublished values alike counts as published: everyone hears of it.
        _refreshUnpublished = _refresh is null ? unpublished : _refreshUnpublished && unpublished;
        _refresh ??= this.RegisterGrainTimer(RefreshNowAsync, RefreshCoalescing, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    private async Task RefreshNowAsync()
    {
        _refresh?.Dispose();
        _refresh = null;
        var unpublished = _refreshUnpublished;
        if (await catalogue.FindBoardAsync(Key) is not { } board) return;
        var appends = RecordStatuses(await SeriesAsync(board, DataView.Published), time.GetUtcNow());
        if (appends.Count > 0) await state.WriteWithAsync(this, appends);
        await PublishChangeAsync(time.GetUtcNow(), unpublished);
    }

    /// <summary>
    /// Writes the change with its audit row and any statuses it moved, in one transaction, then tells the pages.
    /// </summary>
    private async Task WriteAsync(BoardChange change, string action, string subjectId, object detail, IReadOnlyList<IAppendRecord>? extra = null)
    {
        var board = await catalogue.FindBoardAsync(Key) ?? throw new KeyNotFoundException($"No board '{Key}' in the catalogue.");
        var appends = new List<IAppendRecord>
        {
            new AuditEntry(change.At, change.By, action, $"{ChangeGroups.Board(Key)}/{subjectId}", JsonSerializer.Serialize(detail, GrainJson.Options)),
        };
        if (extra is not null) appends.AddRange(extra);
        appends.AddRange(RecordStatuses(await SeriesAsync(board, DataView.Published), change.At, change));
        await state.WriteWithAsync(this, appends);
        await PublishChangeAsync(change.At);
    }

    /// <summary>
    /// Adds to each commitment's history the status it has now (from published values: the history is read by every
    /// partner of the board, and must not tell of a figure before its release) where that differs from the one recorded, and returns
    /// the rows for <c>commitment_status_history</c>: by the person whose write moved it (with the override's reason
    /// where there is one, else the rules that decided), or by the system when an indicator's new value moved it.
    /// </summary>
    private List<IAppendRecord> RecordStatuses(IReadOnlyDictionary<string, IndicatorSeries> series, DateTimeOffset at, BoardChange? change = null)
    {
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        var appends = new List<IAppendRecord>();
        foreach (var commitment in State.Commitments.ToList())
        {
            var status = CommitmentReadings.Assess(commitment, series, today);
            if (commitment.Recorded is { } r && r.Status == status.Status && r.Derived == status.Derived &&
                r.Overridden == (status.Override is not null)) continue;
            var recorded = new StatusChange(at, status.Status, status.Derived, status.Override is not null,
                status.Override?.Reason ?? string.Join("; ", status.Reasons.Select(x => $"{x.Code} {x.Subject}".Trim())),
                change?.By ?? System);
            Replace(commitment with { History = [.. commitment.History, recorded] });
            appends.Add(new CommitmentStatusEntry(Key, commitment.Id, recorded));
        }
        return appends;
    }

    private async Task<BoardView> ViewAsync(PartnershipBoard board, IReadOnlyDictionary<string, IndicatorSeries> series)
    {
        var (place, members) = await PlaceAndMembersAsync(board);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var commitments = State.Commitments.Select(c => new CommitmentView(c, CommitmentReadings.Assess(c, series, today))).ToList();
        var sectors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var agency in State.Fund.Select(f => f.Agency).Distinct())
            if (await catalogue.FindAgencyAsync(agency) is { } a) sectors[agency] = a.Sector;
        return new BoardView(board, place, members, commitments, [.. State.Plans.Values.OrderBy(p => p.Indicator, StringComparer.Ordinal)],
            State.Fund, PooledBudget.Totals(State.Fund, sectors), today,
            [.. State.Cases.Values.OrderBy(c => c.Subject, StringComparer.Ordinal)], State.Cohorts);
    }

    /// <summary>The series of every indicator the board's commitments and plans name, read from their grains in this place.</summary>
    private async Task<IReadOnlyDictionary<string, IndicatorSeries>> SeriesAsync(PartnershipBoard board, DataView view)
    {
        var codes = State.Commitments.SelectMany(c => c.Indicators).Concat(State.Plans.Keys).Distinct(StringComparer.Ordinal).ToList();
        var series = new Dictionary<string, IndicatorSeries>(StringComparer.Ordinal);
        foreach (var code in codes)
            series[code] = await GrainFactory.IndicatorGrain(board.PlaceCode, code).GetSeriesAsync(view);
        return series;
    }

    private async Task<(Place, List<Agency>)> PlaceAndMembersAsync(PartnershipBoard board)
    {
        var place = await catalogue.FindPlaceAsync(board.PlaceCode)
            ?? throw new KeyNotFoundException($"Board '{Key}' names unknown place '{board.PlaceCode}'.");
        var members = new List<Agency>();
        foreach (var code in board.MemberAgencies)
            if (await catalogue.FindAgencyAsync(code) is { } agency) members.Add(agency);
        return (place, members);
    }

    private Task PublishChangeAsync(DateTimeOffset at, bool unpublished = false) =>
        feed.PublishAsync([new Change(ChangeKinds.Board,
            new Dictionary<string, string> { [ChangeKeys.Board] = Key }, [ChangeGroups.Board(Key)], null, null, at, Unpublished: unpublished)]);

    private Commitment? Find(string id) => State.Commitments.FirstOrDefault(c => c.Id == id);

    private void Replace(Commitment commitment) =>
        State.Commitments[State.Commitments.FindIndex(c => c.Id == commitment.Id)] = commitment;

    private static CommitmentDraft Draft(Commitment c) =>
        new(c.Title, c.Result, c.Indicators, c.Baseline, c.Target, c.LeadAgency, c.ContributingAgencies);
}

using System.Security.Claims;
using Scrutiny.Dashboard.Presentation;
using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Boards;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Dashboard.Boards;

/// <summary>
/// A board as one reader sees it: its records with statuses derived from the values that reader may see (published
/// ones for the public and anyone not entitled, every value for administrators and members of the place's boards),
/// and what the reader may do with it.
/// </summary>
public sealed record BoardReading(
    BoardView View, DataView DataView, bool MayWork, bool MaySetDetails, IReadOnlyDictionary<string, IndicatorDefinition> Indicators)
{
    public PartnershipBoard Board => View.Board;

    public string IndicatorTitle(string code) => Indicators.TryGetValue(code, out var i) ? i.Title : code;

    public string AgencyName(string code) => View.Members.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    public CommitmentView? Commitment(string id) => View.Commitments.FirstOrDefault(c => c.Commitment.Id == id);

    public ValueFormat Format(string indicator) =>
        ValueFormat.For(Indicators.TryGetValue(indicator, out var i) ? i.Unit : IndicatorUnit.Value);

    /// <summary>What a status reason concerns, by name: a milestone's title, an indicator's title, an override's reason.</summary>
    public string SubjectName(Commitment commitment, string subject) =>
        commitment.Milestones.FirstOrDefault(m => m.Id == subject)?.Title ?? (Indicators.ContainsKey(subject) ? IndicatorTitle(subject) : subject);

    public string Reason(Commitment commitment, StatusReason reason) =>
        StatusReasonWords.Describe(reason.Code, SubjectName(commitment, reason.Subject));

    public string Recorded(Commitment commitment, StatusChange change) =>
        StatusReasonWords.Recorded(change, subject => SubjectName(commitment, subject));
}

/// <summary>Reads boards for the pages, in the reader's view (<see cref="DataViews"/>), so every page derives alike.</summary>
public sealed class BoardReader(ICatalogueReader catalogue, IGrainFactory grains, DataViews dataViews, BoardMeetingView meetings)
{
    /// <summary>Null when no board has this id.</summary>
    public async Task<BoardReading?> ReadAsync(string id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await catalogue.FindBoardAsync(id, cancellationToken) is not { } board) return null;
        var view = await dataViews.ForAsync(user, board.PlaceCode, cancellationToken);
        if (await grains.Grain<IPartnershipBoardGrain>(id).GetBoardAsync(view) is not { } records) return null;
        return new BoardReading(records, view, BoardAccess.MayWork(user, board), BoardAccess.MaySetDetails(user, board),
            await IndicatorsAsync(records, cancellationToken));
    }

    /// <summary>Every board, for the list: the public's view of each (the list shows no figures, only statuses by count).</summary>
    public async Task<IReadOnlyList<BoardView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var boards = new List<BoardView>();
        foreach (var board in await catalogue.ListBoardsAsync(null, cancellationToken))
            if (await grains.Grain<IPartnershipBoardGrain>(board.Id).GetBoardAsync(DataView.Published) is { } view) boards.Add(view);
        return boards;
    }

    /// <summary>
    /// What changed since <paramref name="since"/> (by default the last meeting), in the reader's view, with the
    /// reading re-made from the same moment's records so the page's tables agree with each other.
    /// </summary>
    public async Task<(BoardReading Reading, BoardMeeting Meeting)> MeetingAsync(BoardReading reading, DateOnly? since, CancellationToken cancellationToken = default)
    {
        var meeting = await meetings.GetAsync(reading.Board, since, reading.DataView, cancellationToken)
            ?? throw new KeyNotFoundException($"No board '{reading.Board.Id}'.");
        return (reading with { View = meeting.Changes.Board }, meeting);
    }

    /// <summary>The series of an indicator in the board's place, in the reader's view.</summary>
    public Task<IndicatorSeries> SeriesAsync(BoardReading reading, string indicator) =>
        grains.IndicatorGrain(reading.Board.PlaceCode, indicator).GetSeriesAsync(reading.DataView);

    private async Task<Dictionary<string, IndicatorDefinition>> IndicatorsAsync(BoardView records, CancellationToken cancellationToken)
    {
        var codes = records.Commitments.SelectMany(c => c.Commitment.Indicators).Concat(records.Plans.Select(p => p.Indicator))
            .Concat(records.Cohorts.SelectMany(c => c.Outcomes.Prepend(c.SizeIndicator))).Distinct(StringComparer.Ordinal);
        var found = new Dictionary<string, IndicatorDefinition>(StringComparer.Ordinal);
        foreach (var code in codes)
            if (await catalogue.FindIndicatorAsync(code, cancellationToken) is { } indicator) found[code] = indicator;
        return found;
    }
}

using Scrutiny.Dashboard.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Boards;

namespace Scrutiny.Dashboard.Calendars;

/// <summary>
/// A board's calendar: its meetings and the days its commitments' milestones are due. Public, as the board's page is;
/// the commitments are read in the public's view (a milestone's day is no published value, but the public's view is the
/// one every other public document of the board reads).
/// </summary>
public sealed class BoardCalendar(ICatalogue catalogue, IGrainFactory grains, BoardDetailsStore details)
{
    /// <summary>The calendar's name, in the calendar and in the page's link to it.</summary>
    public static string Name(PartnershipBoard board) => $"{board.Name}: meetings and milestones";

    /// <summary>Null when no board has this id.</summary>
    public async Task<Calendar?> ReadAsync(string id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(id) || await catalogue.FindBoardAsync(id, cancellationToken) is null) return null;
        if (await grains.Grain<IPartnershipBoardGrain>(id).GetBoardAsync(DataView.Published) is not { } view) return null;
        var board = view.Board;
        var page = BoardPaths.Board(id);
        var names = view.Members.ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        var events = (await details.ListMeetingsAsync(id, cancellationToken))
            .Select(m => new CalendarEvent($"board-{id}-meeting-{m.Id}", m.On, $"{board.Name}: meeting", $"A meeting of {board.Name}.",
                page, m.Sequence, m.UpdatedAt))
            .Concat(view.Commitments.SelectMany(c => c.Commitment.Milestones.Select(milestone =>
                new CalendarEvent($"board-{id}-commitment-{c.Commitment.Id}-milestone-{milestone.Id}", milestone.Due,
                    $"Milestone due: {milestone.Title}", $"A step of {c.Commitment.Title}, owned by {names.GetValueOrDefault(milestone.Owner, milestone.Owner)}." +
                        (milestone.CompletedOn is { } done ? $" Done on {done:yyyy-MM-dd}." : ""),
                    BoardPaths.Commitment(id, c.Commitment.Id), milestone.Revision, milestone.UpdatedAt))));
        return new Calendar(Name(board), page, [.. events]);
    }
}

using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Silo.Boards;

/// <summary>A board meeting's view: what changed since the last meeting, and the recommendations awaiting the board.</summary>
public sealed record BoardMeeting(MeetingChanges Changes, DateOnly? LastMeeting, DateOnly? NextMeeting,
    IReadOnlyList<RecommendationAwaitingResponse> Recommendations);

/// <summary>Puts the meeting view together for the API, the meeting page and the board pack alike.</summary>
public sealed class BoardMeetingView(IGrainFactory grains, IBoardRecommendations recommendations, TimeProvider time)
{
    /// <param name="view">The reader's view of the board's place (<c>DataViews.ForAsync</c>).</param>
    /// <param name="since">The day to count from; by default the last meeting before today, else the beginning.</param>
    public async Task<BoardMeeting?> GetAsync(PartnershipBoard board, DateOnly? since, DataView view, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var last = board.LastMeetingBefore(today);
        var changes = await grains.Grain<IPartnershipBoardGrain>(board.Id).GetChangesSinceAsync(since ?? last ?? DateOnly.MinValue, view);
        if (changes is null) return null;
        return new BoardMeeting(changes, last, board.NextMeetingFrom(today),
            await recommendations.AwaitingResponseAsync(board.Id, cancellationToken));
    }
}

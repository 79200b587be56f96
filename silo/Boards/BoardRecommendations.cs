namespace Scrutiny.Silo.Boards;

/// <summary>A scrutiny committee's recommendation addressed to a board, waiting for the board's response.</summary>
public sealed record RecommendationAwaitingResponse(string Id, string Committee, string Text, DateOnly ResponseDue);

/// <summary>
/// The seam for scrutiny committees' recommendations in the board's meeting view. Committees and their
/// recommendations come later; until then there are none, and the view says so.
/// </summary>
public interface IBoardRecommendations
{
    Task<IReadOnlyList<RecommendationAwaitingResponse>> AwaitingResponseAsync(string boardId, CancellationToken cancellationToken = default);
}

/// <summary>No committees yet, so no recommendations.</summary>
public sealed class NoBoardRecommendations : IBoardRecommendations
{
    public Task<IReadOnlyList<RecommendationAwaitingResponse>> AwaitingResponseAsync(string boardId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RecommendationAwaitingResponse>>([]);
}

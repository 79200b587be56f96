namespace Scrutiny.Silo.Boards;

/// <summary>A scrutiny committee's recommendation addressed to a board, waiting for the board's response.</summary>
public sealed record RecommendationAwaitingResponse(string Id, string Committee, string Text, DateOnly ResponseDue);

/// <summary>
/// The seam for scrutiny committees' recommendations in the board's meeting view, implemented by the committees'
/// register (<c>Committees/CommitteeBoardRecommendations</c>): boards do not depend on committees.
/// </summary>
public interface IBoardRecommendations
{
    Task<IReadOnlyList<RecommendationAwaitingResponse>> AwaitingResponseAsync(string boardId, CancellationToken cancellationToken = default);
}

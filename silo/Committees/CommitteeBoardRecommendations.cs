using Scrutiny.Silo.Boards;

namespace Scrutiny.Silo.Committees;

/// <summary>The board meeting view's recommendations: those addressed to the board that still await its response, soonest due first.</summary>
public sealed class CommitteeBoardRecommendations(RecommendationRegister register, CommitteeStore committees) : IBoardRecommendations
{
    public async Task<IReadOnlyList<RecommendationAwaitingResponse>> AwaitingResponseAsync(string boardId, CancellationToken cancellationToken = default)
    {
        var names = (await committees.ListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var entries = await register.ListAsync(new RecommendationScope(Addressees: [new Addressee(AddresseeKind.Board, boardId)]),
            cancellationToken: cancellationToken);
        return [.. entries.Where(e => RecommendationLifecycle.AwaitsResponse(e.State))
            .OrderBy(e => e.Recommendation.ResponseDue)
            .Select(e => new RecommendationAwaitingResponse(e.Recommendation.Id, names.GetValueOrDefault(e.Recommendation.CommitteeId, e.Recommendation.CommitteeId),
                e.Recommendation.Text, e.Recommendation.ResponseDue))];
    }
}

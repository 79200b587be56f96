using System.Security.Claims;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Scorecards;
using Scrutiny.Silo.Store;

namespace Scrutiny.Dashboard.Committees;

/// <summary>
/// A place's "you said, we did" as one reader sees it: how its outcomes stand (the scorecard), what its partnership
/// boards promised and where each promise stands, and what its scrutiny committees recommended with the answers.
/// <see cref="View"/> is the reader's view of the place's values: published for the public.
/// </summary>
public sealed record PlaceAccountability(
    Scorecard Scorecard, DataView View, IReadOnlyList<BoardReading> Boards, IReadOnlyDictionary<string, string> Committees,
    IReadOnlyList<RegisterEntry> Recommendations, AddresseeChoices Addressees);

/// <summary>Reads a place's accountability in the reader's view, with the same services as the scorecard and board pages.</summary>
public sealed class PlaceAccountabilityReader(
    PlaceScorecard scorecards, DataViews dataViews, ICatalogueReader catalogue, BoardReader boards, CommitteeStore committees, RecommendationRegister register)
{
    /// <summary>Null when no place has this code.</summary>
    public async Task<PlaceAccountability?> ReadAsync(string placeCode, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var outcomes = dataViews.For(user);
        if (await scorecards.ForAsync(outcomes, placeCode, cancellationToken) is not { } scorecard) return null;
        return new PlaceAccountability(
            scorecard,
            await outcomes.ViewAsync(placeCode),
            await BoardsOfAsync(boards, catalogue, placeCode, user, cancellationToken),
            (await committees.ListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal),
            await register.ListAsync(new RecommendationScope(PlaceCode: placeCode), cancellationToken: cancellationToken),
            await AddresseeChoices.LoadAsync(catalogue, cancellationToken));
    }

    /// <summary>Every board of a place, each in the reader's view (as its own page shows it), in name order.</summary>
    internal static async Task<IReadOnlyList<BoardReading>> BoardsOfAsync(BoardReader boards, ICatalogueReader catalogue, string placeCode, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var readings = new List<BoardReading>();
        foreach (var board in (await catalogue.ListBoardsAsync(placeCode, cancellationToken)).OrderBy(b => b.Name, StringComparer.Ordinal))
            if (await boards.ReadAsync(board.Id, user, cancellationToken) is { } reading) readings.Add(reading);
        return readings;
    }
}

using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Runtime;

namespace Scrutiny.Grains.Contracts;

/// <summary>A partnership board, keyed by its id: the board, its member agencies and its place's latest outcomes.</summary>
public interface IPartnershipBoardGrain : IGrain
{
    /// <summary>Null when no board has this id.</summary>
    Task<BoardSummary?> GetSummaryAsync();
}

public sealed record BoardSummary(
    PartnershipBoard Board, Place Place, IReadOnlyList<Agency> Members, IReadOnlyList<IndicatorLatest> Latest);

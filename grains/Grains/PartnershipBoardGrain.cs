using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Runtime;

namespace Scrutiny.Grains.Grains;

/// <summary>
/// Rolls up a board: its definition from the catalogue and its place's latest outcomes. Commitments, which will
/// give the board state of its own, come later.
/// </summary>
public sealed class PartnershipBoardGrain(ICatalogue catalogue) : Grain, IPartnershipBoardGrain
{
    public async Task<BoardSummary?> GetSummaryAsync()
    {
        // Read on every call: board membership is edited by administrators and must show at once.
        if (await catalogue.FindBoardAsync(Key) is not { } board) return null;
        var place = await catalogue.FindPlaceAsync(board.PlaceCode)
            ?? throw new KeyNotFoundException($"Board '{Key}' names unknown place '{board.PlaceCode}'.");
        var members = new List<Agency>();
        foreach (var code in board.MemberAgencies)
            if (await catalogue.FindAgencyAsync(code) is { } agency) members.Add(agency);
        var summary = await GrainFactory.Get<IPlaceGrain>(board.PlaceCode).GetSummaryAsync();
        return new BoardSummary(board, place, members, summary.Latest);
    }
}

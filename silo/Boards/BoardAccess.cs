using System.Security.Claims;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Boards;

/// <summary>
/// Who may see and change a board's records. Everyone reads a board's summary (name, place, chair, members, meetings,
/// how many commitments stand where); its commitments, plans, fund and meeting view are for those who answer for them.
/// </summary>
public static class BoardAccess
{
    /// <summary>
    /// An administrator; an agency that sits on the board (its key or its staff); a person who sits on the board
    /// (<c>scrutiny:board</c>). They read the board's records and write its commitments, plans and fund.
    /// </summary>
    public static bool MayWork(ClaimsPrincipal user, PartnershipBoard board) =>
        user.IsAdministrator() ||
        (user.AgencyCode() is { } agency && board.MemberAgencies.Contains(agency)) ||
        IsMember(user, board);

    /// <summary>The chair and meeting dates are the board's own business: its members and administrators set them.</summary>
    public static bool MaySetDetails(ClaimsPrincipal user, PartnershipBoard board) => user.IsAdministrator() || IsMember(user, board);

    private static bool IsMember(ClaimsPrincipal user, PartnershipBoard board) =>
        user.FindAll(ScrutinyAuth.BoardClaim).Any(c => c.Value == board.Id);
}

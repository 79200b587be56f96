using System.Security.Claims;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Committees;

/// <summary>
/// Who may do what with a committee's records. Everyone reads them (scrutiny is done in public). The committee's own
/// business (meetings, work programme, recommendations, questions, closing) is its members' and administrators'; the
/// answer to a recommendation or question is the addressee's alone — not even an administrator answers for an agency.
/// </summary>
public static class CommitteeAccess
{
    /// <summary>An administrator, or a person who sits on the committee (<c>scrutiny:committee</c>).</summary>
    public static bool MayWork(ClaimsPrincipal user, string committeeId) => user.IsAdministrator() || IsMember(user, committeeId);

    public static bool IsMember(ClaimsPrincipal user, string committeeId) =>
        user.FindAll(ScrutinyAuth.CommitteeClaim).Any(c => c.Value == committeeId);

    /// <summary>
    /// Speaks for the addressee: for an agency, its key or its staff; for a board, the key or staff of an agency that
    /// sits on it, or a person who sits on it (<c>scrutiny:board</c>). <paramref name="board"/> is the addressee board.
    /// </summary>
    public static bool MayAnswer(ClaimsPrincipal user, Addressee addressee, PartnershipBoard? board) => addressee.Kind switch
    {
        AddresseeKind.Agency => user.AgencyCode() == addressee.Code,
        _ => board is not null && board.Id == addressee.Code &&
             ((user.AgencyCode() is { } agency && board.MemberAgencies.Contains(agency)) ||
              user.FindAll(ScrutinyAuth.BoardClaim).Any(c => c.Value == board.Id)),
    };
}

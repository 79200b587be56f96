using System.Security.Claims;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Boards;

namespace Scrutiny.Dashboard.Boards;

/// <summary>Marks a page as a form on the board in its <c>{Id}</c>, and says who may use it (<see cref="BoardAccess"/>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BoardFormAttribute : Attribute
{
    /// <summary>The chair and meetings: the board's members and administrators only.</summary>
    public bool DetailsOnly { get; init; }

    public bool May(ClaimsPrincipal user, PartnershipBoard board) =>
        DetailsOnly ? BoardAccess.MaySetDetails(user, board) : BoardAccess.MayWork(user, board);
}

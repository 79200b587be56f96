using System.Security.Claims;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Publication;

/// <summary>
/// Who may see a place's unpublished values: administrators, and the members of the place's partnership boards, who
/// answer for its outcomes and prepare for their release. Everyone else (the public, an agency's key or submitter,
/// a scrutiny member, whose committee works in public) sees published values only; an agency still reads its own
/// returns, published or not, through the returns API and pages.
/// </summary>
public sealed class DataViews(ICatalogueReader catalogue, IGrainFactory grains, PublishedPoints published)
{
    /// <summary>The values <paramref name="user"/> may read, place by place.</summary>
    public VisibleOutcomes For(ClaimsPrincipal user) =>
        user.IsAdministrator() ? Everything()
        : !user.HasClaim(c => c.Type == ScrutinyAuth.BoardClaim) ? Public()
        : new VisibleOutcomes(grains, catalogue, published, place => ForAsync(user, place));

    /// <summary>Published values of every place: the public's window.</summary>
    public VisibleOutcomes Public() => new(grains, catalogue, published, _ => Task.FromResult(DataView.Published)) { IsThePublics = true };

    /// <summary>Every value of every place: for administrators and for checks the system makes on its own behalf.</summary>
    public VisibleOutcomes Everything() => new(grains, catalogue, published, _ => Task.FromResult(DataView.All));

    public async Task<DataView> ForAsync(ClaimsPrincipal user, string placeCode, CancellationToken cancellationToken = default)
    {
        if (user.IsAdministrator()) return DataView.All;
        var boards = user.FindAll(ScrutinyAuth.BoardClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (boards.Count == 0) return DataView.Published;
        var ofPlace = await catalogue.ListBoardsAsync(placeCode, cancellationToken);
        return ofPlace.Any(b => boards.Contains(b.Id)) ? DataView.All : DataView.Published;
    }

    /// <summary>
    /// The view of a hub group: its place's, or, for a board, the board's place's; published for anything else (panels
    /// and committees carry no values of their own). The group is one the hub has parsed (<see cref="WatchedGroup"/>),
    /// never a name as a client sent it.
    /// </summary>
    public async Task<DataView> ForGroupAsync(ClaimsPrincipal user, WatchedGroup group, CancellationToken cancellationToken = default)
    {
        if (user.IsAdministrator()) return DataView.All;
        var place = group.Kind == WatchedGroupKind.Board
            ? (await catalogue.FindBoardAsync(group.Key, cancellationToken))?.PlaceCode
            : group.PlaceCode;
        return place is null ? DataView.Published : await ForAsync(user, place, cancellationToken);
    }
}

using System.Security.Claims;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Presentation;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Panels;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;

namespace Scrutiny.Dashboard.Committees;

/// <summary>One of the panel's figures with its series for the chart and table, and the periods in it the public does not see yet.</summary>
public sealed record PaperFigure(PanelFigure Figure, IndicatorSeries Series, IReadOnlyList<string> Unpublished);

/// <summary>
/// A committee paper as one reader sees it: the committee and its place; the chosen panel's figures (none when no
/// panel is chosen); what changed in the place this month (<see cref="Month"/>); every recommendation still open; and
/// the place's boards with their commitments. Values are in the reader's view, so the public's paper holds published
/// figures only.
/// </summary>
public sealed record CommitteePaper(
    Committee Committee, Place Place, DateOnly Today, DateTimeOffset AsOf, IReadOnlyList<Panel> Panels, Panel? Panel,
    IReadOnlyList<PaperFigure> Figures, Period Month, IReadOnlyList<ChangeEntry> Changes, IReadOnlyList<RegisterEntry> Open,
    AddresseeChoices Addressees, IReadOnlyList<BoardReading> Boards)
{
    /// <summary>Whether anything on the paper is unpublished: an entitled reader's paper must not be handed out in public.</summary>
    public bool HasUnpublished =>
        Figures.Any(f => f.Unpublished.Count > 0) || Changes.Any(c => !c.Public) || Boards.Any(b => b.DataView == DataView.All);
}

/// <summary>Reads a committee paper with the services the panel, register and board pages use.</summary>
public sealed class CommitteePaperReader(
    CommitteeStore committees, PanelStore panels, PanelFigures figures, DataViews dataViews, RecommendationRegister register, ICatalogueReader catalogue,
    BoardReader boards, WhatChanged whatChanged, TimeProvider time)
{
    /// <summary>Null when no committee has this id (or its place has left the catalogue); <see cref="CommitteePaper.Panel"/> null when <paramref name="panelId"/> names none.</summary>
    public async Task<CommitteePaper?> ReadAsync(string committeeId, string? panelId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await committees.FindAsync(committeeId, cancellationToken) is not { } committee) return null;
        if (await catalogue.FindPlaceAsync(committee.PlaceCode, cancellationToken) is not { } place) return null;
        var outcomes = dataViews.For(user);
        var panel = string.IsNullOrWhiteSpace(panelId) ? null : await panels.FindAsync(panelId.Trim(), cancellationToken);
        var paperFigures = new List<PaperFigure>();
        if (panel is not null)
            foreach (var figure in await figures.ForAsync(outcomes, panel, cancellationToken))
                paperFigures.Add(new PaperFigure(figure,
                    await outcomes.SeriesAsync(figure.Place.Code, figure.Indicator.Code),
                    await outcomes.UnpublishedPeriodsAsync(figure.Place.Code, figure.Indicator.Code)));
        var open = (await register.ListAsync(new RecommendationScope(committeeId), cancellationToken: cancellationToken))
            .Where(e => e.State != RecommendationState.Closed)
            .OrderBy(e => e.Recommendation.ResponseDue).ThenBy(e => e.Recommendation.Id, StringComparer.Ordinal).ToList();
        var month = whatChanged.CurrentMonth();
        var changes = await whatChanged.ForPlaceAsync(outcomes, place.Code, ValueFormat.Of, month, cancellationToken);
        return new CommitteePaper(committee, place, time.Today(), time.GetUtcNow(), await panels.ListAsync(cancellationToken), panel, paperFigures,
            month, changes, open,
            await AddresseeChoices.LoadAsync(catalogue, cancellationToken),
            await PlaceAccountabilityReader.BoardsOfAsync(boards, catalogue, committee.PlaceCode, user, cancellationToken));
    }
}

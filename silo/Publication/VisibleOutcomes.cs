using System.Collections.Concurrent;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Publication;

/// <summary>
/// A reader's window on the places' values: every read of a series, a point or a place's latest values goes through
/// one, so that each place is read in the view the reader is entitled to (see <see cref="DataViews"/>) and a
/// comparison mixes a board member's own place, unpublished, with other places as the public sees them.
/// Made per request by <see cref="DataViews.For"/>.
/// </summary>
public sealed class VisibleOutcomes(IGrainFactory grains, ICatalogueReader catalogue, PublishedPoints published, Func<string, Task<DataView>> viewOf)
{
    private readonly ConcurrentDictionary<string, Task<DataView>> _views = new(StringComparer.Ordinal);

    public Task<DataView> ViewAsync(string placeCode) => _views.GetOrAdd(placeCode, viewOf);

    public async Task<IndicatorSeries> SeriesAsync(string placeCode, string indicatorCode) =>
        await grains.IndicatorGrain(placeCode, indicatorCode).GetSeriesAsync(await ViewAsync(placeCode));

    /// <summary>One period's point; a published one from this node's copy when it has one (<see cref="PublishedPoints"/>).</summary>
    public async Task<SeriesPoint?> PointAsync(string placeCode, string indicatorCode, string period) =>
        await ViewAsync(placeCode) is var view && view == DataView.Published
            ? await published.GetAsync(placeCode, indicatorCode, period, () => grains.IndicatorGrain(placeCode, indicatorCode).GetPointAsync(period, view))
            : await grains.IndicatorGrain(placeCode, indicatorCode).GetPointAsync(period, view);

    /// <summary>The place's latest values; published ones from this node's copy when it has them (<see cref="PublishedPoints"/>).</summary>
    public async Task<PlaceSummary> SummaryAsync(string placeCode) =>
        await grains.GetPlaceSummaryAsync(placeCode, await ViewAsync(placeCode),
            (indicator, read) => published.GetLatestAsync(placeCode, indicator, read));

    /// <summary>
    /// A figure made from some places' points of one indicator (a region's sum of its places'): from this node's copy
    /// when this reader sees every one of those places as the public does (<see cref="PublishedPoints.GetMadeAsync"/>),
    /// made for this reader alone otherwise. <paramref name="key"/> names the figure and everything it is made from.
    /// </summary>
    public async Task<T> MadeFromAsync<T>(PlaceChildren places, string indicatorCode, string key, Func<Task<T>> make) =>
        await _seenAsThePublicSees.GetOrAdd(places, SeenAsThePublicSeesAsync) ? await published.GetMadeAsync(indicatorCode, key, make) : await make();

    /// <summary>
    /// Whether this is the public's window (<see cref="DataViews.Public"/>): every place read as published, whoever asks.
    /// </summary>
    public bool IsThePublics { get; init; }

    /// <summary>
    /// A figure made from the published values of one indicator in any places (a place's "what changed" entry, with its
    /// comparisons): from this node's copy for the public's window (<see cref="PublishedPoints.GetMadeAsync"/>, dropped
    /// when the indicator changes), made for this reader alone otherwise. <paramref name="key"/> names the figure and
    /// everything else it is made from.
    /// </summary>
    public Task<T> MadeForThePublicAsync<T>(string indicatorCode, string key, Func<Task<T>> make) =>
        IsThePublics ? published.GetMadeAsync(indicatorCode, key, make) : make();

    // Asked once a request for each set of places (a scorecard asks for England's 317 authorities with each indicator).
    private readonly ConcurrentDictionary<PlaceChildren, Task<bool>> _seenAsThePublicSees = new();

    private async Task<bool> SeenAsThePublicSeesAsync(PlaceChildren places)
    {
        foreach (var place in places.Codes)
            if (await ViewAsync(place) != DataView.Published) return false;
        return true;
    }

    /// <summary>
    /// The periods this reader sees that the public does not yet, oldest first: none for a reader who sees published
    /// values only. Pages mark them, so that an entitled reader knows what not to repeat in public.
    /// </summary>
    public async Task<IReadOnlyList<string>> UnpublishedPeriodsAsync(string placeCode, string indicatorCode)
    {
        if (await ViewAsync(placeCode) == DataView.Published) return [];
        var grain = grains.IndicatorGrain(placeCode, indicatorCode);
        var published = (await grain.GetSeriesAsync(DataView.Published)).Points.Select(p => p.Period).ToHashSet(StringComparer.Ordinal);
        return [.. (await grain.GetSeriesAsync(DataView.All)).Points.Select(p => p.Period).Where(p => !published.Contains(p))];
    }

    /// <summary>The revisions, from the returns ledger, of the periods this reader may see; oldest first.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> RevisionsAsync(string placeCode, string indicatorCode, CancellationToken cancellationToken = default)
    {
        var visible = (await SeriesAsync(placeCode, indicatorCode)).Points.Select(p => p.Period).ToHashSet(StringComparer.Ordinal);
        return [.. (await catalogue.ListRevisionsAsync(placeCode, indicatorCode, cancellationToken)).Where(r => visible.Contains(r.Period))];
    }
}

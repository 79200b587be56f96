using Scrutiny.Dashboard.Committees;
using Scrutiny.Dashboard.Components.Pages;
using Scrutiny.Dashboard.Presentation;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Store;

namespace Scrutiny.Dashboard.Feeds;

/// <summary>
/// A place's feed: each period of its indicators as it became public, dated when it did under the indicator's rule,
/// and its committees' recommendations and what became of them. Values are read in the public's view whoever asks (a
/// feed is fetched by a reader that signs in as no one), so nothing unpublished is ever in it.
/// </summary>
public sealed class PlaceFeed(ICatalogueReader catalogue, DataViews views, PublicationReleases releases, CommitteeStore committees,
    RecommendationStore recommendations, CommitteeLinks links, WhatChanged whatChanged)
{
    /// <summary>The feed's name, in the feed and in the page's link to it.</summary>
    public static string Title(Place place) => $"{place.Name}: new figures and recommendations";

    /// <summary>Null when no place has this code.</summary>
    public async Task<Feed?> ReadAsync(string code, CancellationToken cancellationToken = default)
    {
        if (await catalogue.FindPlaceAsync(code, cancellationToken) is not { } place) return null;
        var entries = new List<FeedEntry>();
        await AddValuesAsync(place, entries, cancellationToken);
        await AddRecommendationsAsync(place, entries, cancellationToken);
        return new Feed(Title(place), PlacePage.Href(code), FeedPaths.Place(code), place.Name,
            FeedEntry.Newest(entries));
    }

    private async Task AddValuesAsync(Place place, List<FeedEntry> entries, CancellationToken cancellationToken)
    {
        var outcomes = views.Public();
        var schedules = (await catalogue.ListSchedulesAsync(cancellationToken)).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var released = (await releases.ListAsync(null, cancellationToken)).ToDictionary(r => (r.Indicator, r.Period), r => r.ReleasedAt);
        // The indicators with a published value (the public summary leaves out the rest), then each one's newest periods,
        // as many as a feed holds: an older period comes back only when it is revised, which the feed does not chase.
        var candidates = new List<(IndicatorSeries Series, int Index, DateTimeOffset Published, DateTimeOffset Updated)>();
        foreach (var latest in (await outcomes.SummaryAsync(place.Code)).Latest)
        {
            var series = await outcomes.SeriesAsync(place.Code, latest.Indicator);
            var schedule = schedules.GetValueOrDefault(latest.Indicator);
            for (var i = Math.Max(0, series.Points.Count - FeedEntry.MaxEntries); i < series.Points.Count; i++)
            {
                var point = series.Points[i];
                // A period with no value (a ratio over nothing) has nothing to say.
                if (point.Contributions.Count == 0 || point.Value is null) continue;
                var published = PublicationMoments.PublicFrom(schedule, point.Period, point.Contributions.Min(c => c.SubmittedAt),
                    released.TryGetValue((latest.Indicator, point.Period), out var at) ? at : null);
                var updated = point.Contributions.Max(c => c.SubmittedAt) is var revised && revised > published ? revised : published;
                candidates.Add((series, i, published, updated));
            }
        }
        // Worded only for the entries the feed will hold: the words read benchmarks, so not for every period of every indicator.
        // Values accepted at one moment (a year's history loaded at once) put the newest periods first, of every indicator.
        foreach (var (series, index, published, updated) in candidates.OrderByDescending(c => c.Updated)
                     .ThenByDescending(c => Period.TryParse(c.Series.Points[c.Index].Period, out var p) ? p.End : DateOnly.MinValue)
                     .Take(FeedEntry.MaxEntries))
        {
            var change = await whatChanged.DescribeAsync(outcomes, place.Code, series, index, ValueFormat.Of, cancellationToken);
            entries.Add(PlaceFeedEntries.NewValue(place, series.Indicator, series.Points[index].Period, change, published, updated));
        }
    }

    private async Task AddRecommendationsAsync(Place place, List<FeedEntry> entries, CancellationToken cancellationToken)
    {
        var ofPlace = (await committees.ListAsync(cancellationToken)).Where(c => c.PlaceCode == place.Code).ToDictionary(c => c.Id, StringComparer.Ordinal);
        if (ofPlace.Count == 0) return;
        var names = await links.AddresseesAsync(cancellationToken);
        foreach (var r in await recommendations.ListAsync(new RecommendationScope(PlaceCode: place.Code), cancellationToken))
            if (ofPlace.TryGetValue(r.CommitteeId, out var committee))
                entries.AddRange(RecommendationFeedEntries.For(r, committee.Name, names.Name(r.Addressee)));
    }
}

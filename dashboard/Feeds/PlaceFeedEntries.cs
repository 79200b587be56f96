using Scrutiny.Dashboard.Components.Pages;
using Scrutiny.Dashboard.Presentation;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Dashboard.Feeds;

/// <summary>
/// A newly published value of a place's indicator as a feed entry: its title and plain-text summary. The one place that
/// words it, so that a plain-English account of what changed can replace this wording without touching the feed.
/// </summary>
public static class PlaceFeedEntries
{
    /// <param name="previous">The period before, as the public sees it; null for the first.</param>
    public static FeedEntry NewValue(Place place, IndicatorDefinition indicator, SeriesPoint point, SeriesPoint? previous,
        DateTimeOffset published, DateTimeOffset updated)
    {
        var format = ValueFormat.For(indicator.Unit);
        var was = previous is null ? "" : $" The period before, {previous.Period}, was {format.Format(previous.Value)}.";
        return new FeedEntry(
            $"{indicator.Title}: {point.Period} published",
            $"{indicator.Title} in {place.Name} for {point.Period}: {format.Format(point.Value)}.{was}",
            IndicatorPage.Href(place.Code, indicator.Code), $"period-{point.Period}", published, updated);
    }
}

using Scrutiny.Dashboard.Components.Pages;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.PlainWords;

namespace Scrutiny.Dashboard.Feeds;

/// <summary>
/// A newly published value of a place's indicator as a feed entry: titled by indicator and period, and summarised in
/// the plain words the place page's "what changed this month" uses (<see cref="ChangeSentences"/>), so a subscriber
/// reads the same sentence the page shows.
/// </summary>
public static class PlaceFeedEntries
{
    public static FeedEntry NewValue(Place place, IndicatorDefinition indicator, string period, PlainChange change,
        DateTimeOffset published, DateTimeOffset updated) =>
        new(Period.TryParse(period, out var p) ? $"{indicator.Title} in {place.Name}: {PeriodWords.Name(p)}" : $"{indicator.Title} in {place.Name}: {period}",
            change.Text, IndicatorPage.Href(place.Code, indicator.Code), $"period-{period}", published, updated);
}

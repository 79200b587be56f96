using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Schedule;

namespace Scrutiny.Silo.Publication;

/// <summary>
/// When a period's values became public under its indicator's rule (<see cref="IndicatorSchedule"/>), for the feeds and
/// the dataset listings that say when a figure appeared. The grains decide what is public; this only dates it.
/// </summary>
public static class PublicationMoments
{
    /// <summary>
    /// The later of the period's first accepted value and the moment its rule made it public: the start of its
    /// days-after publication day (UTC), or the administrator's release.
    /// </summary>
    public static DateTimeOffset PublicFrom(IndicatorSchedule? schedule, string period, DateTimeOffset firstAccepted, DateTimeOffset? releasedAt)
    {
        DateTimeOffset? byRule = schedule?.Publication switch
        {
            PublicationRule.DaysAfterPeriodEnd when Period.TryParse(period, out var p) && schedule.PublishedFrom(p) is { } day =>
                ReturnStatusRules.StartOf(day),
            PublicationRule.OnRelease => releasedAt,
            _ => null,
        };
        return byRule is { } moment && moment > firstAccepted ? moment : firstAccepted;
    }

    /// <summary>
    /// The newest period of <paramref name="frequency"/> a days-after rule has published by <paramref name="today"/>;
    /// null under the other rules.
    /// </summary>
    public static Period? LatestPublished(IndicatorSchedule schedule, Frequency frequency, DateOnly today)
    {
        if (schedule.Publication != PublicationRule.DaysAfterPeriodEnd) return null;
        var period = Period.Containing(today, frequency);
        // A rule of a few years' days is the most anyone sets; the bound only stops a nonsense schedule looping.
        for (var steps = 0; steps < 1000; steps++, period = period.Previous())
            if (schedule.PublishedFrom(period) is { } from && from <= today) return period;
        return null;
    }
}

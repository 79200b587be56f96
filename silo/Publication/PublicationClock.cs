using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Publication;

/// <summary>Which periods a days-after rule publishes between two days, and how often the clock looks (<see cref="PublicationClockGrain"/>).</summary>
public static class PublicationClock
{
    /// <summary>Orleans' shortest reminder period: the date turning is noticed within a minute.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>The periods whose days-after publication date falls in (<paramref name="after"/>, <paramref name="upTo"/>].</summary>
    public static IEnumerable<Period> PublishedBetween(IndicatorSchedule schedule, Frequency frequency, DateOnly after, DateOnly upTo)
    {
        if (schedule.Publication != PublicationRule.DaysAfterPeriodEnd) yield break;
        // The newest period that could be published by upTo ends (its End is the day after its last) on or before
        // upTo - (days - 1); walk back from there while the dates stay inside the window.
        var latestEnd = upTo.AddDays(-(Math.Max(schedule.PublishDays, 1) - 1));
        var period = Period.Containing(latestEnd, frequency).Previous();
        for (var steps = 0; steps < 1000 && schedule.PublishedFrom(period) is { } from && from > after; steps++, period = period.Previous())
            if (from <= upTo) yield return period;
    }
}

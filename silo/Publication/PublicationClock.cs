using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Publication;

/// <summary>
/// Announces the periods that a days-after rule publishes when the date turns, so that open public pages show them
/// without a reload. The grains need no telling (they compare each period with today on every read); this only
/// wakes the pages. Checks every <see cref="CheckInterval"/>; a node that was down over midnight announces nothing
/// for that day, and pages catch up when they next load or reconnect.
/// </summary>
public sealed class PublicationClock(ICatalogueReader catalogue, PublicationNotices notices, TimeProvider time, ILogger<PublicationClock> logger)
    : BackgroundService
{
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var checkedUpTo = Today();
        using var timer = new PeriodicTimer(CheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var today = Today();
            if (today <= checkedUpTo) continue;
            try
            {
                await AnnounceAsync(checkedUpTo, today, stoppingToken);
                checkedUpTo = today;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not announce the periods published on {Today}; trying again shortly", today);
            }
        }
    }

    private async Task AnnounceAsync(DateOnly after, DateOnly upTo, CancellationToken cancellationToken)
    {
        var indicators = (await catalogue.ListIndicatorsAsync(cancellationToken)).ToDictionary(i => i.Code, StringComparer.Ordinal);
        foreach (var schedule in await catalogue.ListSchedulesAsync(cancellationToken))
        {
            if (!indicators.TryGetValue(schedule.Code, out var indicator)) continue;
            foreach (var period in PublishedBetween(schedule, indicator.Frequency, after, upTo))
                await notices.AnnounceAsync(schedule.Code, period.ToString(), time.GetUtcNow(), cancellationToken);
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}

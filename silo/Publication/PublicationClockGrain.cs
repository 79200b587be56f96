using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Publication;

/// <summary>
/// Announces the periods that a days-after rule publishes when the date turns, so that open public pages show them
/// without a reload. The grains need no telling (they compare each period with today on every read); this only wakes
/// the pages. It looks every <see cref="PublicationClock.CheckInterval"/> (a reminder, kept in the cluster's reminder
/// table, so one node or another always fires it), and keeps the last day it announced up to: after an outage over
/// midnight it announces every day it missed, once. A node dying between announcing and writing that day announces
/// the same periods again (a page re-reads a period it already shows), never none.
/// </summary>
[GrainType("publication-clock")]
public sealed class PublicationClockGrain(
    [PersistentState(GrainStates.PublicationClock, GrainStates.Storage)] IPersistentState<PublicationClockState> state,
    ICatalogueReader catalogue, PublicationNotices notices, TimeProvider time, ILogger<PublicationClockGrain> logger)
    : Grain, IPublicationClockGrain, IRemindable
{
    private const string ReminderName = "days-after-publication";

    public async Task StartAsync()
    {
        await this.RegisterOrUpdateReminder(ReminderName, PublicationClock.CheckInterval, PublicationClock.CheckInterval);
        await CatchUpAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => CatchUpAsync();

    private async Task CatchUpAsync()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // The first start of all has no yesterday to catch up on: periods published before it are history, not news.
        if (state.State.CheckedUpTo is not { } checkedUpTo)
        {
            state.State.CheckedUpTo = today;
            await state.WriteStateAsync();
            return;
        }
        if (today <= checkedUpTo) return;
        var announced = await AnnounceAsync(checkedUpTo, today);
        state.State.CheckedUpTo = today;
        await state.WriteStateAsync();
        logger.LogInformation("Announced {Count} periods published after {After} up to {Today}", announced, checkedUpTo, today);
    }

    private async Task<int> AnnounceAsync(DateOnly after, DateOnly upTo)
    {
        var announced = 0;
        var indicators = (await catalogue.ListIndicatorsAsync()).ToDictionary(i => i.Code, StringComparer.Ordinal);
        foreach (var schedule in await catalogue.ListSchedulesAsync())
        {
            if (!indicators.TryGetValue(schedule.Code, out var indicator)) continue;
            foreach (var period in PublicationClock.PublishedBetween(schedule, indicator.Frequency, after, upTo))
            {
                await notices.AnnounceAsync(schedule.Code, period.ToString(), time.GetUtcNow());
                announced++;
            }
        }
        return announced;
    }
}

/// <summary>The last day the clock announced publications up to (UTC); none before its first start.</summary>
public sealed class PublicationClockState
{
    [JsonPropertyName("checkedUpTo")]
    public DateOnly? CheckedUpTo { get; set; }
}

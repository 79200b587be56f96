using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Runtime;

namespace Scrutiny.Grains.Grains;

public sealed class PlaceGrain(ICatalogue catalogue) : Grain<PlaceState>, IPlaceGrain
{
    private Place _place = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _place = await catalogue.FindPlaceAsync(Key, cancellationToken)
            ?? throw new KeyNotFoundException($"No place '{Key}' in the catalogue.");

    public async Task OnIndicatorChangedAsync(IndicatorLatest latest, bool published)
    {
        // Returns for an older period can arrive after newer ones; only a period at least as recent replaces.
        if (State.Latest.TryGetValue(latest.Indicator, out var current) &&
            (Period.Parse(current.Period).CompareTo(Period.Parse(latest.Period)) > 0 || SameFigures(current, latest)))
            return;
        State.Latest[latest.Indicator] = latest;
        await WriteStateAsync();

        // Boards hear of it from the change feed (the silo's BoardStatusWatcher), derive their commitments' statuses
        // again and publish board:{id} themselves: one path to a board's pages.
        Publish(new Change(ChangeKinds.Place,
            new Dictionary<string, string> { [ChangeKeys.Place] = Key, [ChangeKeys.Indicator] = latest.Indicator },
            [ChangeGroups.Place(Key)], latest.Period, latest.Value, latest.UpdatedAt) { Unpublished = !published });
    }

    /// <summary>
    /// An indicator re-sends what the place already holds after a retry or a recovered batch: nothing to write or tell.
    /// </summary>
    private static bool SameFigures(IndicatorLatest current, IndicatorLatest latest) => current with { UpdatedAt = latest.UpdatedAt } == latest;

    public Task<PlaceSummary> GetSummaryAsync() =>
        Task.FromResult(new PlaceSummary(_place, [.. State.Latest.Values.OrderBy(l => l.Indicator, StringComparer.Ordinal)]));
}

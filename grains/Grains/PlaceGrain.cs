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
            Period.Parse(current.Period).CompareTo(Period.Parse(latest.Period)) > 0)
            return;
        State.Latest[latest.Indicator] = latest;
        await WriteStateAsync();

        var boards = await catalogue.ListBoardsAsync(Key);
        var groups = boards.Select(b => ChangeGroups.Board(b.Id)).Prepend(ChangeGroups.Place(Key)).ToList();
        Publish(new Change(ChangeKinds.Place,
            new Dictionary<string, string> { [ChangeKeys.Place] = Key, [ChangeKeys.Indicator] = latest.Indicator },
            groups, latest.Period, latest.Value, latest.UpdatedAt) { Unpublished = !published });
    }

    public Task<PlaceSummary> GetSummaryAsync() =>
        Task.FromResult(new PlaceSummary(_place, [.. State.Latest.Values.OrderBy(l => l.Indicator, StringComparer.Ordinal)]));
}

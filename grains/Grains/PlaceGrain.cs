using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Grains.Grains;

/// <summary>A place: the latest value and icons of each of its indicators, as the indicator grains report them.</summary>
[GrainType(GrainStates.Place)]
public sealed class PlaceGrain(
    ICatalogue catalogue, IChangePublisher feed,
    [PersistentState(GrainStates.Place, GrainStates.Storage)] IPersistentState<PlaceState> state) : Grain, IPlaceGrain
{
    /// <summary>How long the place keeps its list of boards before reading it again (boards are added rarely).</summary>
    public static readonly TimeSpan BoardsKeptFor = TimeSpan.FromMinutes(1);

    private Place _place = null!;
    private (IReadOnlyList<PartnershipBoard> Boards, long ReadAtTicks)? _boards;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _place = await catalogue.FindPlaceAsync(this.GetPrimaryKeyString(), cancellationToken)
            ?? throw new KeyNotFoundException($"No place '{this.GetPrimaryKeyString()}' in the catalogue.");

    public async Task OnIndicatorsChangedAsync(IReadOnlyList<IndicatorNews> news)
    {
        var changed = new List<IndicatorNews>(news.Count);
        foreach (var item in news)
        {
            var latest = item.Latest;
            // Returns for an older period can arrive after newer ones; only a period at least as recent replaces.
            if (state.State.Latest.TryGetValue(latest.Indicator, out var current) &&
                (Period.Parse(current.Period).CompareTo(Period.Parse(latest.Period)) > 0 || SameFigures(current, latest)))
                continue;
            state.State.Latest[latest.Indicator] = latest;
            changed.Add(item);
        }
        if (changed.Count == 0) return;
        await state.WriteWithAsync(this);

        // In one message, in order: a batch's first upload for a place changes most of its indicators at once.
        await feed.PublishAsync([.. changed.Select(c => new Change(ChangeKinds.Place,
            new Dictionary<string, string> { [ChangeKeys.Place] = _place.Code, [ChangeKeys.Indicator] = c.Latest.Indicator },
            [ChangeGroups.Place(_place.Code)], c.Latest.Period, c.Latest.Value, c.Latest.UpdatedAt, Unpublished: !c.Published))]);

        // The place's boards derive their commitments' statuses again and publish board:{id} themselves: once for the
        // published changes and once for the unpublished, which only entitled watchers hear of. One-way: a board reads
        // the indicators' series, and an indicator grain that told us of its change is still waiting on us, so waiting
        // on the board here would be a call cycle.
        foreach (var unpublished in changed.Select(c => !c.Published).Distinct())
            foreach (var board in await BoardsAsync())
                await GrainFactory.Grain<IPartnershipBoardGrain>(board.Id).RefreshStatusesAsync(unpublished);
    }

    /// <summary>The place's boards, read from the catalogue at most once a minute: not a query in every change's turn.</summary>
    private async Task<IReadOnlyList<PartnershipBoard>> BoardsAsync()
    {
        // Real elapsed time, not the app's clock (a test's may stand still).
        var now = Environment.TickCount64;
        if (_boards is not { } kept || now - kept.ReadAtTicks > (long)BoardsKeptFor.TotalMilliseconds)
            _boards = kept = (await catalogue.ListBoardsAsync(_place.Code), now);
        return kept.Boards;
    }

    /// <summary>
    /// An indicator re-sends what the place already holds after a retry or a recovered batch: nothing to write or tell.
    /// </summary>
    private static bool SameFigures(IndicatorLatest current, IndicatorLatest latest) => current with { UpdatedAt = latest.UpdatedAt } == latest;

    public Task<PlaceSummary> GetSummaryAsync() =>
        Task.FromResult(new PlaceSummary(_place, [.. state.State.Latest.Values.OrderBy(l => l.Indicator, StringComparer.Ordinal)]));
}

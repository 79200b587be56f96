using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Seeding;

/// <summary>
/// The demo's catalogue: the fixtures' places and indicators with the claimant additions, the agencies, a board
/// per borough, who returns what, and Trafford's CIPFA comparator group. Every write is an upsert, so running it
/// again changes nothing.
/// </summary>
public sealed class DemoCatalogue(CatalogueWriter writer)
{
    public const string TraffordNeighboursGroupId = "cipfa-trafford";

    public async Task WriteAsync(IReadOnlyList<Place> places, IReadOnlyList<IndicatorDefinition> indicators,
        IReadOnlyList<(string Code, string Name)> traffordNeighbours, CancellationToken cancellationToken)
    {
        var byCode = places.ToDictionary(p => p.Code, StringComparer.Ordinal);
        await writer.UpsertPlacesAsync(places, cancellationToken);
        await writer.UpsertIndicatorsAsync(indicators, cancellationToken);
        await writer.UpsertAgenciesAsync([.. DemoAgencies.All, DemoAgencies.National], cancellationToken);

        foreach (var borough in DemoBoroughs.All)
        {
            var place = byCode.GetValueOrDefault(borough.PlaceCode)
                ?? throw new InvalidOperationException($"Demo borough {borough.PlaceCode} is not in places.csv.");
            await writer.UpsertBoardAsync(new PartnershipBoard(DemoBoroughs.BoardId(borough),
                $"{place.Name} Partnership Board", place.Code, borough.Partners), cancellationToken);
        }

        var catalogued = indicators.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var agency in DemoAgencies.All)
        {
            var role = DemoAgencies.RoleOf(agency);
            var returned = DemoIndicators.Returners
                .Where(r => catalogued.Contains(r.Key) && r.Value.Any(p => p.Role == role))
                .Select(r => r.Key);
            await writer.AssignIndicatorsAsync(agency.Code, returned, cancellationToken);
        }
        // The national source publishes England's figure of every indicator that has one in the demo.
        await writer.AssignIndicatorsAsync(DemoAgencies.National.Code,
            DemoIndicators.Returners.Keys.Where(code => catalogued.Contains(code) && IndicatorProfiles.ByCode.ContainsKey(code)), cancellationToken);

        await writer.SaveComparatorGroupAsync(new ComparatorGroupDefinition(TraffordNeighboursGroupId,
            "Trafford's CIPFA nearest neighbours (2021)", ClaimantCountImport.TraffordCode, [.. traffordNeighbours.Select(n => n.Code)]),
            actor: null, DateTimeOffset.UnixEpoch, cancellationToken);
    }
}

namespace Scrutiny.Grains.Catalogue;

/// <summary>Reads the catalogue (places, agencies, indicators, boards). Implemented by the silo's store.</summary>
public interface ICatalogue
{
    Task<IndicatorDefinition?> FindIndicatorAsync(string code, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<IndicatorDefinition>> ListIndicatorsAsync(CancellationToken cancellationToken = default);
    Task<IndicatorSchedule?> FindScheduleAsync(string code, CancellationToken cancellationToken = default);
    Task<Place?> FindPlaceAsync(string code, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Place>> ListPlacesAsync(CancellationToken cancellationToken = default);
    Task<Agency?> FindAgencyAsync(string code, CancellationToken cancellationToken = default);
    Task<PartnershipBoard?> FindBoardAsync(string id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<PartnershipBoard>> ListBoardsAsync(string? placeCode = null, CancellationToken cancellationToken = default);

    /// <summary>The periods of an indicator an administrator has released (for <see cref="PublicationRule.OnRelease"/>).</summary>
    Task<IReadOnlySet<string>> ListReleasedPeriodsAsync(string indicatorCode, CancellationToken cancellationToken = default);
}

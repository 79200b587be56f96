using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Store;

/// <summary>
/// Everything pages, endpoints and services read from the catalogue: what grains need (<see cref="ICatalogue"/>) and the
/// lists, schedules, agency scopes and revisions around them. Implemented over SQL by <see cref="ICatalogueReader"/>;
/// callers depend on this, not on the SQL.
/// </summary>
public interface ICatalogueReader : ICatalogue
{
    /// <summary>The places by code and by parent.</summary>
    Task<PlaceHierarchy> PlaceHierarchyAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Agency>> ListAgenciesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every comparator group, or those of one place, by name, with their members.</summary>
    Task<IReadOnlyList<ComparatorGroupDefinition>> ListComparatorGroupsAsync(string? placeCode = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<IndicatorSchedule>> ListSchedulesAsync(CancellationToken cancellationToken = default);

    /// <summary>The places and indicators an agency may send returns for.</summary>
    Task<AgencyScope> AgencyScopeAsync(string agencyCode, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<(Agency Agency, AgencyScope Scope)>> ListAgencyScopesAsync(CancellationToken cancellationToken = default);

    /// <summary>The indicators assigned to each agency that has any, by agency code.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> AssignedIndicatorsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every revision of every value of an indicator in a place, as the returns ledger holds them.</summary>
    Task<IReadOnlyList<LedgerEntry>> ListRevisionsAsync(string placeCode, string indicatorCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// Of <paramref name="indicatorCodes"/> (single-source indicators) in <paramref name="placeCodes"/>, those where another
    /// agency than <paramref name="agencyCode"/> has already returned values, and which agency.
    /// </summary>
    Task<IReadOnlyDictionary<(string Place, string Indicator), string>> OtherSingleSourcesAsync(string agencyCode,
        IReadOnlyCollection<string> placeCodes, IReadOnlyCollection<string> indicatorCodes, CancellationToken cancellationToken = default);
}

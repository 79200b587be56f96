using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Api.Agencies;
using Scrutiny.Silo.Api.Indicators;
using Scrutiny.Silo.Api.Places;

namespace Scrutiny.Silo.Api;

public static class CatalogueApi
{
    /// <summary>The services behind the catalogue API that the dashboard's administration pages share.</summary>
    public static IServiceCollection AddCatalogueAdministration(this IServiceCollection services) =>
        services.AddSingleton<AgencyAdministration>().AddSingleton<IndicatorSettingsEditor>();

    /// <summary>
    /// Reads of places, indicators, series and revisions (any API key), and the administration of places, boards,
    /// indicators and agencies (an administrator's key).
    /// </summary>
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPlacesApi();
        endpoints.MapPlaceAdministrationApi();
        endpoints.MapIndicatorSettingsApi();
        endpoints.MapIndicatorsApi();
        endpoints.MapAgenciesApi();
        return endpoints;
    }
}

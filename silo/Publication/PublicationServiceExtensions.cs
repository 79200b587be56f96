using Microsoft.Extensions.DependencyInjection;

namespace Scrutiny.Silo.Publication;

public static class PublicationServiceExtensions
{
    /// <summary>Who sees unpublished values, releases, and the notices that wake public pages when a period is published.</summary>
    public static IServiceCollection AddScrutinyPublication(this IServiceCollection services)
    {
        services.AddSingleton<DataViews>();
        services.AddSingleton<PublicationReleases>();
        services.AddSingleton<PublicationNotices>();
        services.AddSingleton<PeriodReleaser>();
        services.AddHostedService<PublicationClock>();
        return services;
    }
}

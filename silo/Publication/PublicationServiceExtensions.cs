using Microsoft.Extensions.DependencyInjection;

namespace Scrutiny.Silo.Publication;

public static class PublicationServiceExtensions
{
    /// <summary>Who sees unpublished values, releases, what changed in a month, and the notices that wake public pages when a period is published (the clock that sends them is a grain).</summary>
    public static IServiceCollection AddScrutinyPublication(this IServiceCollection services)
    {
        services.AddSingleton<DataViews>();
        services.AddSingleton<PublicationReleases>();
        services.AddSingleton<PublishedDatasets>();
        services.AddSingleton<PublicationNotices>();
        services.AddSingleton<PeriodReleaser>();
        services.AddSingleton<WhatChanged>();
        return services;
    }
}

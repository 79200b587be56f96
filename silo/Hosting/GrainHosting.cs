using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Cluster;
using Scrutiny.Silo.Observability;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Hosting;

public static class GrainHosting
{
    /// <summary>
    /// Hosts an Orleans silo in this process: a node of the cluster <c>Scrutiny:Cluster</c> names, grain state in the
    /// project's own store (<see cref="SqlGrainStorage"/>), whose schema is brought up to date before anything else,
    /// and this node's end of the change feed.
    /// </summary>
    public static IHostApplicationBuilder AddScrutinyGrains(this IHostApplicationBuilder builder, SiloOptions siloOptions, StoreOptions store)
    {
        var options = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        builder.UseOrleans(silo =>
        {
            silo.UseScrutinyCluster(options, builder.Configuration, store);
            silo.AddScrutinyGrainStorage();
            // Orleans' traces join the request's trace, when traces are exported at all.
            if (Telemetry.IsExporting(builder.Configuration)) silo.AddActivityPropagation();
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromSeconds(siloOptions.IdleTimeoutSeconds));
            // Membership rows and Orleans' dashboard name the silo as the operator named the node.
            if (!string.IsNullOrWhiteSpace(siloOptions.NodeName)) silo.Configure<Orleans.Configuration.SiloOptions>(o => o.SiloName = siloOptions.NodeName);
            silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = options.DirectoryCacheSize);
        });
        // Orleans' own loops (messaging, membership, collection) keep real time even when a host gives the app a clock
        // of its own (a test's that stands still): the app's clock is for publication days and timestamps only.
        foreach (var area in new[] { TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.Membership,
                     TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory })
            builder.Services.AddKeyedSingleton(area, TimeProvider.System);

        QuietenPlacementRetries(builder);

        builder.Services.AddSingleton<StoreSchema>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<StoreSchema>());
        builder.Services.AddScrutinyGrainServices();
        return builder;
    }

    /// <summary>Where Orleans' placement pipeline logs each attempt (Polly's telemetry).</summary>
    public const string PlacementRetryLogCategory = "Polly";

    /// <summary>
    /// Orleans places every new activation through a Polly retry pipeline, whose telemetry logs two entries at
    /// Information for each one: 17,927 log lines in one 240,000-row import (4,420 activations), the console logger
    /// writing them on the node's cores while it imported. Held at Warning (a placement that fails or is retried still
    /// shows) unless the configuration names a level for the category itself. The category is Polly's own, so any other
    /// Polly pipeline in the node is held at Warning with it.
    /// </summary>
    private static void QuietenPlacementRetries(IHostApplicationBuilder builder)
    {
        if (builder.Configuration[$"Logging:LogLevel:{PlacementRetryLogCategory}"] is null)
            builder.Logging.AddFilter(PlacementRetryLogCategory, LogLevel.Warning);
    }

    /// <summary>
    /// What a silo's host gives the grains and the node around them, on any silo that hosts them (the product's, and the
    /// tests' <c>InProcessTestCluster</c>): this node's end of the change feed, subscribed once the silo is active; the
    /// catalogue-change notices; the fault injection the grain storage reads.
    /// </summary>
    public static IServiceCollection AddScrutinyGrainServices(this IServiceCollection services)
    {
        services.AddSingleton<PublishedPoints>();
        services.TryAddSingleton<ChangeCount>();
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<ChangeFeed>());
        services.AddSingleton<IChangePublisher>(sp => sp.GetRequiredService<ChangeFeed>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ChangeFeed>());
        services.AddSingleton<ActiveIndicatorGrains>();
        services.AddSingleton<FaultInjection>();
        return services;
    }

    /// <summary>
    /// The grains' storage provider, on any silo that hosts them (the product's, and the tests' <c>InProcessTestCluster</c>):
    /// it needs the host's <see cref="Database"/> and <see cref="TimeProvider"/>, and brings the indicators' shared reads.
    /// </summary>
    public static ISiloBuilder AddScrutinyGrainStorage(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton<IndicatorStateReads>();
        silo.Services.AddGrainStorage(GrainStates.Storage, (sp, _) => ActivatorUtilities.CreateInstance<SqlGrainStorage>(sp));
        return silo;
    }
}

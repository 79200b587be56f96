using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Api.Keys;
using Scrutiny.Silo.Audit;
using Scrutiny.Silo.Benchmarks;
using Scrutiny.Silo.Boards;
using Scrutiny.Silo.Observability;
using Scrutiny.Silo.Comparisons;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Email;
using Scrutiny.Silo.Panels;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Returns;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Scorecards;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Seeding;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Hosting;

public static class SiloServiceExtensions
{
    /// <summary>Hosts the grains in this process (an Orleans silo), and the store, change feed, returns import and API key auth around them.</summary>
    public static IHostApplicationBuilder AddScrutinySilo(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var siloOptions = builder.Configuration.GetSection("Scrutiny:Silo").Get<SiloOptions>() ?? new SiloOptions();
        var store = StoreOptions.From(builder.Configuration.GetConnectionString(StoreOptions.ConnectionStringName), Directory.GetCurrentDirectory(),
            builder.Configuration.GetValue(StoreOptions.MaxPoolSizeSetting, StoreOptions.DefaultMaxPoolSize));

        services.AddSingleton(siloOptions);
        // First: the silo starts before the hosted services below, which call grains as they start.
        builder.AddScrutinyGrains(siloOptions, store);
        builder.AddScrutinyTelemetry();
        services.AddSingleton(NodeInstance.Start(siloOptions));
        services.AddSingleton<NodeLeases>();
        services.AddSingleton(store);
        // Try: a host (a test with a clock it moves by hand) may have registered its own first.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Database>();
        services.AddSingleton<StoreStatus>();
        services.AddHostedService<StoreStatusProbe>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<SqlCatalogue>();
        // Pages and endpoints read this node's copy; grains read it after catching up with the store's version (a grain
        // told of an edit must read the edit).
        services.TryAddSingleton<ChangeCount>();
        services.AddSingleton<NodeCatalogue>();
        services.AddSingleton<ICatalogueReader>(sp => sp.GetRequiredService<NodeCatalogue>());
        services.AddSingleton<ICatalogue, GrainCatalogue>();
        services.AddSingleton<CatalogueWriter>();
        services.AddSingleton<Verification.StoreVerifier>();
        services.AddCatalogueAdministration();
        services.AddSingleton<BenchmarkService>().AddSingleton<ComparatorGroupEditor>();
        services.AddSingleton<PlaceScorecard>();
        services.AddSingleton<PlaceComparison>();
        services.AddSingleton<PanelStore>();
        services.AddSingleton<PanelEditor>();
        services.AddSingleton<PanelFigures>();
        services.AddSingleton<BoardBodyRules>();
        services.AddSingleton<BoardDetailsStore>();
        services.AddSingleton<BoardEditor>();
        services.AddSingleton<BoardMeetingView>();
        services.AddSingleton<Benefits.AppraisalStore>().AddSingleton<Benefits.CaseReader>().AddSingleton<Benefits.CaseEditor>();
        services.AddScrutinyCommittees();
        services.AddScrutinyEmail(builder.Configuration);
        services.AddSingleton((builder.Configuration.GetSection(AccessCacheOptions.Section).Get<AccessCacheOptions>() ?? new AccessCacheOptions()).Checked());
        services.AddSingleton<ApiKeyCheckCache>();
        services.AddSingleton<PersonCache>();
        services.AddSingleton<AccessRevocations>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ApiKeyAdministration>();
        services.AddSingleton<AuditSearch>();
        services.AddSingleton<ReturnsValidator>();
        services.AddSingleton<ReturnsImporter>();
        services.AddSingleton<BatchApplier>();
        services.AddSingleton<BatchRecovery>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<IdempotentReplay>();
        services.AddSingleton(builder.Configuration.GetSection("Scrutiny:Returns").Get<ReturnsOptions>() ?? new ReturnsOptions());
        services.AddScrutinySchedule();
        services.AddScrutinyPublication();
        services.AddSingleton<PeopleStore>();
        services.AddSingleton<IExternalSignIn>(sp => sp.GetRequiredService<PeopleStore>());
        services.AddSingleton<PasswordSignIn>();
        services.AddSingleton((builder.Configuration.GetSection(PeopleOptions.Section).Get<PeopleOptions>() ?? new PeopleOptions()).Checked());
        services.AddSingleton<PasswordChanges>();
        services.AddSingleton<DemoPeople>();
        services.AddSingleton<DemoPublication>();
        services.AddSingleton<DemoBoards>();
        services.AddSingleton<DemoScrutiny>();
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService<SiloStartup>();
        // After SiloStartup: data protection reads its key ring as the host starts (DataProtectionHostedService, registered
        // here unless something registered it first), and the ring is in a table the start-up migration makes.
        services.AddSharedKeys();
        services.AddChangeListener<AccessRevocationListener>();
        services.AddHostedService<NodeHeartbeat>();
        services.AddHostedService<Cluster.DeadSilos>();
        services.AddHostedService<BatchRecoverySweep>();
        services.AddEmailSending();
        services.AddScrutinyAuth();
        // No answer names the server it came from (Kestrel, by default): nothing to look up known flaws by.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        services.AddSecurityHeaders();
        services.AddProxyHeaders(builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions());
        services.AddRequestLimits(builder.Configuration.GetSection(RequestLimitOptions.Section).Get<RequestLimitOptions>() ?? new RequestLimitOptions());
        services.AddScrutinyRateLimits(builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions());
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        services.AddOpenDataCors();
        services.AddOpenApi(openApi => openApi.AddOpenDataDescriptions());
        // Enums leave the API as the catalogue names them (better, special_cause_improvement), never as numbers.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(
            new System.Text.Json.Serialization.JsonStringEnumConverter(new CatalogueNames.JsonPolicy(), allowIntegerValues: false)));
        return builder;
    }

    /// <summary>
    /// The silo's middleware: who is calling, what they may do, and how often (after routing). A host that signs
    /// people in another way (the dashboard's cookie) adds that in <paramref name="identifyPeople"/>, so that the
    /// rate limits count a signed-in person as that person rather than as an address.
    /// </summary>
    public static IApplicationBuilder UseScrutinySilo(this IApplicationBuilder app, Action<IApplicationBuilder>? identifyPeople = null)
    {
        // Before authorisation, so that a preflight for an open-data read is answered without a key; only endpoints that
        // name the policy (ForAnyone) have CORS at all.
        app.UseCors();
        app.UseAuditSource();
        app.UseAuthentication();
        identifyPeople?.Invoke(app);
        app.UsePrivateAnswers();
        app.UseAuthorization();
        app.UseScrutinyRateLimits();
        app.UseConditionalGets();
        // Input no endpoint can take, refused before any reaches the store (each file says which 500 it was).
        app.UseKnownJsonCharsets();
        app.UseNoNulInQuery();
        // Last: only a request that may go on to write pays for the catalogue's version.
        app.UseCatalogueCatchUp();
        return app;
    }

    /// <summary>Maps the silo's HTTP endpoints: the returns API, health checks and the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapScrutinySilo(this IEndpointRouteBuilder endpoints)
    {
        // Every API route is under one version prefix, given here once.
        var api = endpoints.MapGroup("/api/v1");
        api.MapReturnsApi();
        api.MapScheduleApi();
        api.MapCatalogueApi();
        api.MapBenchmarksApi();
        api.MapPublicationApi();
        api.MapApiKeysApi();
        api.MapAuditApi();
        api.MapBoardsApi();
        Benefits.AppraisalApi.MapAppraisalApi(api);
        api.MapCommitteesApi();
        endpoints.MapCspReports();
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        endpoints.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return endpoints;
    }
}

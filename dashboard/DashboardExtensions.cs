using Microsoft.AspNetCore.Authorization;
using Orleans.Dashboard;
using Scrutiny.Dashboard.Account;
using Scrutiny.Dashboard.Admin;
using Scrutiny.Dashboard.Agencies;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Calendars;
using Scrutiny.Dashboard.Committees;
using Scrutiny.Dashboard.Comparisons;
using Scrutiny.Dashboard.Components;
using Scrutiny.Dashboard.Exports;
using Scrutiny.Dashboard.Feeds;
using Scrutiny.Dashboard.Datasets;
using Scrutiny.Dashboard.Live;
using Scrutiny.Dashboard.PageCache;
using Scrutiny.Dashboard.Panels;
using Scrutiny.Dashboard.Scorecards;
using Scrutiny.Dashboard.Subscriptions;
using Scrutiny.Silo.Cluster;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Returns;
using Scrutiny.Silo.Security;

namespace Scrutiny.Dashboard;

public static class DashboardExtensions
{
    public static WebApplicationBuilder AddScrutinyDashboard(this WebApplicationBuilder builder)
    {
        // Orleans' own dashboard (grains, activations, calls, silos) for administrators: /admin/orleans.
        // Its live log stream is off: logs are for the operator's log store, not a browser tab.
        builder.UseOrleans(silo => silo.AddDashboard(options => options.HideTrace = true));
        builder.Services.AddRazorComponents();
        builder.Services.AddPageCache(builder.Configuration);
        builder.Services.AddSignalR();
        builder.Services.AddChangeListener<HubChangeListener>();
        builder.Services.AddAgencySignIn();
        builder.Services.AddHubKeys(ScrutinyHub.Path);
        builder.Logging.KeepKeysOutOfLogs();
        builder.Services.AddSingleton<ReturnsTemplate>();
        builder.Services.AddSingleton<BoardReader>();
        builder.Services.AddSingleton<CommitteeLinks>();
        builder.Services.AddSingleton<PlaceAccountabilityReader>();
        builder.Services.AddSingleton<CommitteePaperReader>();
        builder.Services.AddFeeds();
        builder.Services.AddCalendars();
        builder.Services.AddOpenDataCatalogue();
        return builder;
    }

    public static WebApplication UseScrutinyDashboard(this WebApplication app)
    {
        // The client's address and scheme first (behind a known proxy only), for everything after that reads them.
        app.UseProxyHeaders();
        app.UseSecurityHeaders();
        app.UseHubRefusedWhileStopping(ScrutinyHub.Path);
        // A page request that ends in an error without a body of its own (an address that matches nothing, a file
        // over Kestrel's limit) gets a GOV.UK-style page saying what went wrong; API, hub and health responses keep
        // their own (empty or problem) bodies.
        app.UseWhen(context => IsPageRequest(context.Request.Path),
            branch => branch.UseStatusCodePagesWithReExecute("/problem/{0}", createScopeForStatusCodePages: true));
        // Inside the status code pages, so that a page request that met a store outage is re-executed as /problem/503.
        app.UseStoreOutageAnswers(IsPageRequest);
        app.UseClusterUnavailableAnswers(IsPageRequest);
        app.UseStaticFiles();
        // Routing after the status code pages, so that a re-executed request is routed again (to /problem/{status}).
        app.UseRouting();
        // Nothing matched and no file was served: that is a 404, not the 401 the closed-by-default fallback
        // authorization policy would otherwise answer with.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is not null) return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        // The live catch-up reads what the page showed its reader, so it knows the signed-in person as pages do. A person
        // with a temporary password chooses their own before anything else.
        app.UseScrutinySilo(identifyPeople: signedIn => signedIn
            .UseAgencyUser(path => IsPageRequest(path) || path.StartsWithSegments("/live"))
            .UseHubPerson(ScrutinyHub.Path)
            .UsePasswordChangeFirst(IsPageRequest));
        app.UsePageCache(ScrutinyHub.Path);
        app.UseBoardFormPosts();
        app.UseCommitteeFormPosts();
        app.UseAntiforgery();
        app.MapScrutinySilo();
        app.MapHub<ScrutinyHub>(ScrutinyHub.Path).RequireAuthorization(ScrutinyAuth.NoBadKeyPolicy);
        app.MapLiveEndpoints();
        app.MapScorecardEndpoints();
        app.MapAgencyEndpoints();
        app.MapAdminEndpoints();
        app.MapOrleansDashboard(AdminPaths.Orleans).CheckedInput().RequireAuthorization(AgencySignIn.AdminPolicy).ExcludeFromDescription();
        app.MapIndicatorDownloads();
        app.MapComparisonExports();
        app.MapPanelExports();
        app.MapCommitteeExports();
        app.MapFeeds();
        app.MapUnsubscribe();
        app.MapCalendars();
        app.MapOpenDataCatalogue();
        // Pages are public unless they name a policy ([Authorize(Policy = ...)], as the agency pages do): marking
        // every page AllowAnonymous would override theirs. The page's own attributes are in the metadata by Finally.
        var returnsOptions = app.Services.GetRequiredService<ReturnsOptions>();
        app.MapRazorComponents<App>().Finally(page =>
        {
            if (!page.Metadata.OfType<IAuthorizeData>().Any()) page.Metadata.Add(new AllowAnonymousAttribute());
            // A page that takes a returns file may be sent one as large as the returns API takes.
            if (page.Metadata.OfType<ReturnsFileUploadAttribute>().Any())
                foreach (var limit in ReturnsFileUploadAttribute.Limits(returnsOptions)) page.Metadata.Add(limit);
        });
        return app;
    }

    private static readonly string[] NonPagePrefixes = ["/api", "/hubs", "/live", "/health", "/openapi", "/lib", "/js", "/css", CspReports.Path];

    private static bool IsPageRequest(PathString path) =>
        !NonPagePrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}

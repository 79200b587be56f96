using Scrutiny.Dashboard.Components;
using Scrutiny.Dashboard.Live;
using Scrutiny.Silo.Hosting;

namespace Scrutiny.Dashboard;

public static class DashboardExtensions
{
    public static WebApplicationBuilder AddScrutinyDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddSignalR();
        builder.Services.AddHostedService<HubChangeObserver>();
        return builder;
    }

    public static WebApplication UseScrutinyDashboard(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapScrutinySilo();
        app.MapHub<ScrutinyHub>(ScrutinyHub.Path);
        app.MapRazorComponents<App>().AllowAnonymous();
        return app;
    }
}

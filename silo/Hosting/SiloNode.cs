using Microsoft.AspNetCore.Builder;
using Scrutiny.Silo.Cluster;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Hosting;

/// <summary>A headless node: the grains and the silo's HTTP endpoints, without the dashboard.</summary>
public static class SiloNode
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddScrutinySilo();
        var app = builder.Build();
        app.UseProxyHeaders();
        app.UseSecurityHeaders();
        app.UseStoreOutageAnswers();
        app.UseClusterUnavailableAnswers();
        app.UseScrutinySilo();
        app.MapScrutinySilo();
        return app;
    }
}

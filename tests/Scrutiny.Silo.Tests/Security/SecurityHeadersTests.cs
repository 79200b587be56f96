using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Security;

/// <summary>The headless node answers with the same security headers as the dashboard; HSTS only outside Development.</summary>
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("Development", false)]
    [InlineData("Staging", true)]
    [InlineData("Production", true)]
    public void HSTS_is_used_everywhere_but_Development(string environment, bool hsts) =>
        Assert.Equal(hsts, SecurityHeaders.UsesHsts(new Environment(environment)));

    [Theory]
    [InlineData("Development", false)]
    [InlineData("Production", true)]
    public async Task A_headless_node_sends_the_headers_and_HSTS_over_HTTPS_outside_Development(string environment, bool hsts)
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var app = SiloNode.Build(["--environment", environment], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration.AddInMemoryCollection(database.NodeSettings);
        });
        await app.StartAsync();
        // A host name of its own: HSTS is never sent to localhost.
        var client = app.GetTestClient();
        client.BaseAddress = new Uri("https://scrutiny.example.org");

        using var health = await client.GetAsync("/health/live");
        using var refused = await client.GetAsync("/api/v1/inbox");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        foreach (var response in new[] { health, refused })
        {
            Assert.Equal([SecurityHeaders.ContentSecurityPolicy], response.Headers.GetValues("Content-Security-Policy"));
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
            Assert.Equal(hsts, response.Headers.Contains("Strict-Transport-Security"));
        }
        if (hsts) Assert.Equal(["max-age=31536000; includeSubDomains"], health.Headers.GetValues("Strict-Transport-Security"));
        await app.StopAsync();
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Scrutiny.Silo";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}

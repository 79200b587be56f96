using System.Net;
using Microsoft.Extensions.Hosting;
using Scrutiny.Dashboard.Live;
using Scrutiny.Dashboard.Tests.Infrastructure;

namespace Scrutiny.Dashboard.Tests.Live;

/// <summary>
/// Once the app is stopping, the server has closed its hub connections and a live page reconnects at once. Accepted,
/// that connection held the server's shutdown open until its timeout (30 s), after which the silo was stopped with a
/// cancelled token and the stop failed; refused, the page tries again in a few seconds, elsewhere.
/// </summary>
public sealed class StoppingWithLivePagesTests
{
    [Fact]
    public async Task A_hub_connection_opened_while_the_app_stops_is_refused_for_a_while_and_pages_still_answer()
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/hubs/scrutiny/negotiate?negotiateVersion=1", null)).StatusCode);

        // Stopping begins, and is held at that moment (the server still listening, its services not yet stopped: the
        // moment a page's reconnection arrives) by a callback that runs before the others and waits for the test.
        var lifetime = app.Get<IHostApplicationLifetime>();
        using var hold = new ManualResetEventSlim();
        using var holding = lifetime.ApplicationStopping.Register(() => hold.Wait(TimeSpan.FromSeconds(30)));
        var stopping = Task.Run(lifetime.StopApplication);
        while (!lifetime.ApplicationStopping.IsCancellationRequested) await Task.Delay(10);

        using var refused = await http.PostAsync("/hubs/scrutiny/negotiate?negotiateVersion=1", null);
        // Others than the hub's requests are answered as ever while the node drains.
        using var health = await http.GetAsync("/health/live");
        hold.Set();
        await stopping;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(HubWhileStopping.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}

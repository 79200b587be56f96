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

        // Stopping begins (the host has not stopped its services yet: this is the moment a page reconnects).
        app.Get<IHostApplicationLifetime>().StopApplication();

        using var refused = await http.PostAsync("/hubs/scrutiny/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(HubWhileStopping.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        // Requests already under way, and others than the hub's, are answered as ever while the node drains.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }
}

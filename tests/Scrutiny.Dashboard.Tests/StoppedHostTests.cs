using System.Runtime.CompilerServices;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>
/// A stopped dashboard lets go of its host: nothing it started (a limiter's timer, a listener) keeps its services,
/// pipeline and grains in memory. A test process starts hundreds of hosts; one that kept each grew past 13 GB.
/// </summary>
public sealed class StoppedHostTests
{
    [Fact]
    public async Task A_stopped_dashboard_that_served_pages_API_reads_and_returns_is_collected()
    {
        // The first host a process starts may be kept by what the runtime starts once per process in its context (the
        // event counters' polling thread holds the execution context it began in); the host measured is a later one.
        await ServeAndStopAsync();
        var stopped = await ServeAndStopAsync();

        for (var i = 0; i < 20 && stopped.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            // Timers and sockets let go on the thread pool once their last callback has run.
            await Task.Delay(100);
        }

        Assert.False(stopped.IsAlive, "the stopped host's services are still reachable from something that outlived it");
    }

    /// <summary>The host's service provider, weakly held, after the host served each kind of request and stopped.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> ServeAndStopAsync()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedAsync(app);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        foreach (var address in new[] { "/", $"/places/{Manchester}", "/api/v1/places" })
            (await client.GetAsync(address)).EnsureSuccessStatusCode();
        await Returns.PostAsync(app, key, new { place = Manchester, indicator = DelayedDays, period = "2025-01", numerator = 1000 });
        return new WeakReference(app.Services);
    }
}

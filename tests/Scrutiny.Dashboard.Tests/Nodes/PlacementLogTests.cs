using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Store;

namespace Scrutiny.Dashboard.Tests.Nodes;

/// <summary>
/// Orleans places each new grain activation through a Polly pipeline whose telemetry logs every attempt at Information:
/// a node importing a big upload wrote two log entries an activation. The node holds that category at Warning unless
/// its configuration names a level for it.
/// </summary>
public sealed class PlacementLogTests
{
    [Fact]
    public async Task Activating_grains_logs_nothing_for_each_placement_even_with_every_other_category_at_debug()
    {
        var logs = new CapturingLogs();
        await using var app = await DashboardApp.StartLoggingAsync(logs);

        await ActivateGrainsAsync(app);

        Assert.Contains(logs.Messages, m => m.StartsWith("Debug ", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, IsPlacementEntry);
    }

    [Fact]
    public async Task A_level_configured_for_the_category_still_applies()
    {
        var logs = new CapturingLogs();
        await using var app = await DashboardApp.StartAsync(StoreEngine.Sqlite, logs,
            new Dictionary<string, string?> { [$"Logging:LogLevel:{GrainHosting.PlacementRetryLogCategory}"] = "Information" });

        await ActivateGrainsAsync(app);

        Assert.Contains(logs.Messages, IsPlacementEntry);
    }

    private static bool IsPlacementEntry(string message) =>
        message.Contains($" {GrainHosting.PlacementRetryLogCategory}: ", StringComparison.Ordinal);

    /// <summary>A return and the place page: new indicator and place grains, each placed.</summary>
    private static async Task ActivateGrainsAsync(DashboardApp app)
    {
        var key = await TestCatalogue.SeedAsync(app);
        await Returns.PostAsync(app, key, new { place = TestCatalogue.Manchester, indicator = TestCatalogue.DelayedDays, period = "2025-01", numerator = 10 });
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var page = await http.GetAsync($"/places/{TestCatalogue.Manchester}", TestContext.Current.CancellationToken);
        Assert.True(page.IsSuccessStatusCode);
    }
}

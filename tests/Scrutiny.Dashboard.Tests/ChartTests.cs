using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Tests.Statistics.Spc;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>The indicator page's SPC chart: drawn from the same numbers as its table, downloadable, printable, live.</summary>
public sealed class ChartTests(Browser browser)
{
    private static readonly string CasePage = $"/places/{Manchester}/indicators/{SpcCase.Indicator}";

    [Fact]
    public async Task The_SPC_chart_has_a_marker_per_point_special_causes_told_apart_by_shape_and_a_link_to_its_table()
    {
        await using var app = await DashboardApp.StartAsync();
        await SpcCase.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        var audit = PageAudit.Watch(page);

        await page.GotoAsync(CasePage);
        var figure = await DrawnChartAsync(page);

        var expected = SpcFixtures.PointsOf(SpcCase.Name);
        var markers = figure.Locator("svg [data-point-type]");
        await Expect(markers).ToHaveCountAsync(expected.Count);
        var drawn = new List<(string? Period, string? Type, string? Shape, string? Fill)>();
        foreach (var marker in await markers.AllAsync())
            drawn.Add((await marker.GetAttributeAsync("data-period"), await marker.GetAttributeAsync("data-point-type"),
                await marker.GetAttributeAsync("shape"), await marker.GetAttributeAsync("fill")));
        Assert.Equal(expected.Select(p => p.PointType).Order(), drawn.Select(d => d.Type).Order());
        Assert.Equal(expected.Select(p => p.PointType).Distinct().Order(), ["special_cause_concern", "special_cause_improvement"]);
        // Each kind of point has one shape and one colour, and the two kinds share neither.
        var looks = drawn.GroupBy(d => d.Type).ToDictionary(g => g.Key!, g => g.Select(d => (d.Shape, d.Fill)).Distinct().Single());
        Assert.Equal(("square", "triangle"), (looks["special_cause_improvement"].Shape, looks["special_cause_concern"].Shape));
        Assert.NotEqual(looks["special_cause_improvement"].Fill, looks["special_cause_concern"].Fill);

        await Expect(figure.Locator("figcaption")).ToHaveTextAsync($"{SpcCase.Title}: each period against its mean and process limits");
        await Expect(figure.Locator("[data-chart-canvas]")).ToHaveAttributeAsync("role", "img");
        await Expect(figure.Locator("[data-chart-canvas]")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(
            $"^{SpcCase.Title}: statistical process control chart of {expected.Count} periods from 2023-01 to "));
        await Expect(figure.Locator("a[href='#spc-table']")).ToHaveTextAsync("The table of each period against its limits");
        await Expect(page.Locator("#spc-table tbody tr")).ToHaveCountAsync(expected.Count);
        await Expect(figure.Locator("svg.apexcharts-svg")).ToContainTextAsync("Target");
        await audit.AssertCleanAsync(page, SpcCase.Title, "indicator-chart");
    }

    [Fact]
    public async Task Download_PNG_and_SVG_save_the_chart_as_files_named_after_the_figure()
    {
        await using var app = await DashboardApp.StartAsync();
        await SpcCase.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await page.GotoAsync(CasePage);
        var figure = await DrawnChartAsync(page);

        var png = await page.RunAndWaitForDownloadAsync(() =>
            figure.GetByRole(AriaRole.Button, new() { Name = $"Download PNG of {SpcCase.Title}" }).ClickAsync());
        var svg = await page.RunAndWaitForDownloadAsync(() =>
            figure.GetByRole(AriaRole.Button, new() { Name = $"Download SVG of {SpcCase.Title}" }).ClickAsync());

        Assert.Equal("spc-chart.png", png.SuggestedFilename);
        var pngBytes = await File.ReadAllBytesAsync((await png.PathAsync())!);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], pngBytes.Take(8));
        Assert.True(pngBytes.Length > 5000, $"A chart's PNG, not an empty image: {pngBytes.Length} bytes");
        Assert.Equal("spc-chart.svg", svg.SuggestedFilename);
        var svgText = await File.ReadAllTextAsync((await svg.PathAsync())!);
        Assert.Contains("<svg", svgText);
        Assert.Contains("data-point-type=\"special_cause_improvement\"", svgText);
    }

    [Fact]
    public async Task Without_JavaScript_the_figure_links_to_the_table_and_offers_no_chart_buttons()
    {
        await using var app = await DashboardApp.StartAsync();
        await SpcCase.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);

        await page.GotoAsync(CasePage);

        await Expect(page.Locator("#spc-table tbody tr")).ToHaveCountAsync(SpcFixtures.PointsOf(SpcCase.Name).Count);
        await Expect(page.Locator("#spc-chart a[href='#spc-table']")).ToBeVisibleAsync();
        await Expect(page.Locator("#spc-chart svg")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-chart-download]")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Download") })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Printed_the_page_keeps_the_chart_and_tables_and_hides_navigation_buttons_and_live_status()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SpcCase.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await AgencySession.SignInAsync(page, key); // so that the header has its navigation and sign-out button
        await page.GotoAsync(CasePage);
        var figure = await DrawnChartAsync(page);
        await Expect(page.Locator("[data-live-status]")).ToBeVisibleAsync();
        await Expect(page.Locator(".govuk-service-navigation")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(page.Locator(".govuk-service-navigation")).ToBeHiddenAsync();
        await Expect(page.Locator(".govuk-breadcrumbs")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-live-status]")).ToBeHiddenAsync();
        await Expect(page.Locator("nav[aria-label='On this page']")).ToBeHiddenAsync();
        foreach (var button in await page.Locator("button, .govuk-button").AllAsync()) await Expect(button).ToBeHiddenAsync();
        await Expect(figure.Locator("svg.apexcharts-svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#spc-table")).ToBeVisibleAsync();
        Assert.Equal("table-header-group", await page.Locator("#spc-table thead").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        // The chart as wide as the main column. The new width makes ApexCharts redraw, replacing its SVG for a
        // moment, so the width is read again until the redrawn chart is measured (or the time is up).
        var (chartWidth, columnWidth) = (0.0, 1.0);
        for (var attempt = 0; attempt < 50 && chartWidth <= columnWidth * 0.9; attempt++)
        {
            if (attempt > 0) await page.WaitForTimeoutAsync(100);
            chartWidth = (await figure.Locator("svg.apexcharts-svg").First.BoundingBoxAsync())?.Width ?? 0;
            columnWidth = (await page.Locator("main").BoundingBoxAsync())?.Width ?? 1;
        }
        Assert.True(chartWidth > columnWidth * 0.9, $"chart {chartWidth}px in a column of {columnWidth}px");
        await Screenshots.SaveAsync(page, "indicator-print");
    }

    [Fact]
    public async Task A_return_posted_while_the_page_is_open_redraws_the_chart_and_the_table_without_a_reload()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedAsync(app);
        await Returns.PostAsync(app, key, [.. Enumerable.Range(1, 12).Select(m => (object)new
            { place = Manchester, indicator = DelayedDays, period = $"2025-{m:D2}", numerator = 1000 + m % 3 * 10 })]);
        var page = await browser.OpenAsync(app);
        await page.GotoAsync($"/places/{Manchester}/indicators/{DelayedDays}");
        var figure = await DrawnChartAsync(page);
        await Expect(figure.Locator("svg [data-point-type]")).ToHaveCountAsync(12);
        await Expect(figure.Locator("svg [data-point-type='common_cause'][shape='circle']")).ToHaveCountAsync(12);
        // Shown once the page watches its groups, so the change below arrives by push.
        await Expect(page.Locator("[data-live-status]")).ToHaveTextAsync("Figures on this page update as agencies send returns.");
        await page.EvaluateAsync("window.notReloaded = true");

        await Returns.PostAsync(app, key, new { place = Manchester, indicator = DelayedDays, period = "2026-01", numerator = 1500 });

        await Expect(page.Locator("#spc-table tr[data-period='2026-01']")).ToBeVisibleAsync();
        await Expect(figure.Locator("svg [data-point-type]")).ToHaveCountAsync(13);
        await Expect(figure.Locator("svg [data-period='2026-01']")).ToHaveCountAsync(1);
        await Expect(figure.Locator("[data-chart-download]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-live-announcer]")).ToContainTextAsync("Statistics, chart and tables updated");
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
    }

    /// <summary>The SPC figure once charts.js has drawn it and added its downloads.</summary>
    private static async Task<ILocator> DrawnChartAsync(IPage page)
    {
        var figure = page.Locator("#spc-chart");
        await Expect(figure.Locator("[data-chart-download]")).ToHaveCountAsync(2);
        await Expect(figure.Locator("svg.apexcharts-svg")).ToBeVisibleAsync();
        return figure;
    }
}

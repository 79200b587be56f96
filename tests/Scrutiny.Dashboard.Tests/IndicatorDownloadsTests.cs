using Scrutiny.Dashboard.Tests.Infrastructure;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>The indicator page's CSV downloads: public, and every row saying what it is.</summary>
public sealed class IndicatorDownloadsTests(Browser browser)
{
    [Theory]
    [InlineData("series", "Download the series with its statistics (CSV)")]
    [InlineData("revisions", "Download the revision history (CSV)")]
    [InlineData("benchmarks", "Download the comparisons (CSV)")]
    public async Task The_page_links_a_public_CSV_whose_rows_carry_polarity_method_period_and_source(string table, string link)
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedAsync(app);
        await Returns.PostAsync(app, key,
            new { place = Manchester, indicator = DelayedDays, period = "2026-01", numerator = 1200 },
            new { place = Manchester, indicator = DelayedDays, period = "2026-02", numerator = 1300 });
        var page = await browser.OpenAsync(app, javaScript: false);
        await page.GotoAsync($"/places/{Manchester}/indicators/{DelayedDays}");
        var href = await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = link }).GetAttributeAsync("href");
        Assert.Equal($"/places/{Manchester}/indicators/{DelayedDays}/{table}.csv", href);

        // No API key and no sign-in: anyone reading the page may take its figures away.
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var response = await client.GetAsync(href);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{Manchester}_{DelayedDays}_{table}.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(x => x.First, x => x.Second)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.Equal("lower_is_better", row["polarity"]);
            Assert.Equal("sum", row["method"]);
            Assert.Matches("^2026-0[12]$", row["period"]);
            Assert.NotEqual("", row["source"]);
        });
    }

    [Fact]
    public async Task The_baseline_downloads_a_year_of_future_periods_saying_it_is_computed_from_the_returns()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedAsync(app);
        await Returns.PostAsync(app, key, [.. Enumerable.Range(1, 8).Select(m => (object)new
            { place = Manchester, indicator = DelayedDays, period = $"2026-{m:D2}", numerator = 1000 + 25 * m })]);
        var page = await browser.OpenAsync(app, javaScript: false);
        await page.GotoAsync($"/places/{Manchester}/indicators/{DelayedDays}");
        var href = await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Download the baseline (CSV)" }).GetAttributeAsync("href");

        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var lines = (await client.GetStringAsync(href)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(x => x.First, x => x.Second)).ToList();
        // Twelve months on from 2026-08, on the straight line the history makes (25 more each month).
        Assert.Equal([.. Enumerable.Range(9, 12).Select(i => $"{2026 + (i - 1) / 12}-{(i - 1) % 12 + 1:D2}")], rows.Select(r => r["period"]));
        Assert.Equal(1225.0, double.Parse(rows[0]["baseline"], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.All(rows, r => Assert.Equal(("lower_is_better", "sum", "2026-08", "baseline_from_returns"),
            (r["polarity"], r["method"], r["last_returned_period"], r["source"])));
    }

    [Fact]
    public async Task A_download_for_an_unknown_indicator_is_not_found()
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedAsync(app);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync($"/places/{Manchester}/indicators/no-such-indicator/series.csv");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}

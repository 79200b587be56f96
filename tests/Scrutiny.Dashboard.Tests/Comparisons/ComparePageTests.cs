using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.ComparisonCatalogue;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Comparisons;

/// <summary>One indicator across places of a type or a comparator group: the table, the chart's data and the CSV agree.</summary>
public sealed class ComparePageTests(Browser browser)
{
    private static readonly string ByGroup = $"/compare?indicator={Admissions}&by=group&group={Group}";

    [Fact]
    public async Task Places_of_a_type_are_listed_best_first_with_outcomes_in_words_without_JavaScript()
    {
        await using var app = await DashboardApp.StartAsync();
        await ComparisonCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await page.GotoAsync("/compare");

        // Nothing chosen: named in the error summary, linked to the fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a")).ToHaveTextAsync(["Choose an indicator", "Choose a type of place"]);
        await Expect(page.Locator(".govuk-error-summary a").First).ToHaveAttributeAsync("href", "#indicator");

        await page.SelectOptionAsync("#indicator", Admissions);
        await page.CheckAsync("#by");
        await page.SelectOptionAsync("#type", "metropolitan_borough");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();

        var rows = page.Locator("#compare-table tbody tr");
        await Expect(rows.Locator("th a")).ToHaveTextAsync(["Trafford", "Manchester", "Bolton", "Bury", "Stockport"]);
        await Expect(rows.Locator("[data-figure=value]")).ToHaveTextAsync(
            ["700.0 per 100,000", "983.6 per 100,000", "1,250.0 per 100,000", "1,750.0 per 100,000", "No value"]);
        await Expect(rows.Locator("[data-statistic=benchmark]")).ToHaveTextAsync(["Better", "Better", "Similar", "Worse", "Not compared"]);
        await Expect(rows.Locator("[data-figure=rank]")).ToHaveTextAsync(["1 of 4", "2 of 4", "3 of 4", "4 of 4", ""]);
        await Expect(page.Locator("[data-comparison-period]")).ToHaveAttributeAsync("data-comparison-period", Month);
        await Expect(page.Locator("[data-england-value]")).ToHaveTextAsync("1,200.0 per 100,000");
        // The chart's figure is there for charts.js, with its JSON, even though nothing draws it without JavaScript.
        await Expect(page.Locator("figure[data-chart=bar-intervals] script[data-chart-data]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_comparator_group_includes_its_own_place_and_the_figure_json_has_the_tables_numbers()
    {
        await using var app = await DashboardApp.StartAsync();
        await ComparisonCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);

        await page.GotoAsync(ByGroup);

        var rows = page.Locator("#compare-table tbody tr");
        await Expect(rows.Locator("th a")).ToHaveTextAsync(["Trafford", "Manchester", "Cheshire East"]);
        await Expect(rows.Nth(1)).ToContainTextAsync("The group's own place");
        var json = JsonDocument.Parse(await page.Locator("figure#compare-chart script[data-chart-data]").TextContentAsync() ?? "").RootElement;
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Trafford", "Manchester", "Cheshire East"], items.Select(i => i.GetProperty("label").GetString()));
        Assert.Equal([false, true, false], items.Select(i => i.GetProperty("highlight").GetBoolean()));
        Assert.Equal((" per 100,000", 1), (json.GetProperty("suffix").GetString(), json.GetProperty("decimals").GetInt32()));
        Assert.Equal(("England", 1200.0), (json.GetProperty("reference").GetProperty("label").GetString(), json.GetProperty("reference").GetProperty("value").GetDouble()));
        for (var i = 0; i < items.Count; i++)
        {
            var row = rows.Nth(i);
            Assert.Equal(await row.Locator("[data-figure=value]").TextContentAsync(), $"{Number(items[i].GetProperty("value"))} per 100,000");
            Assert.Equal(await row.Locator("[data-figure=interval]").TextContentAsync(),
                $"{Number(items[i].GetProperty("lower"))} to {Number(items[i].GetProperty("upper"))}");
            Assert.Equal(await row.Locator("[data-statistic=benchmark]").GetAttributeAsync("data-value"), items[i].GetProperty("outcome").GetString());
        }
        Assert.All(items, i => Assert.Equal("better", i.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task The_comparison_csv_is_public_and_carries_the_tables_numbers_with_polarity_method_period_and_source()
    {
        await using var app = await DashboardApp.StartAsync();
        await ComparisonCatalogue.SeedAsync(app);
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await anonymous.GetAsync($"/compare.csv?indicator={Admissions}&type=metropolitan_borough");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = Csv(await response.Content.ReadAsStringAsync());
        Assert.Equal(["E08000009", "E08000003", "E08000001", "E08000002", "E08000007"], rows.Select(r => r["place"]));
        var manchester = rows[1];
        Assert.Equal(("lower_is_better", "sum_numerators_and_denominators", Month, "MFT"),
            (manchester["polarity"], manchester["method"], manchester["period"], manchester["source"]));
        Assert.Equal(("better", "2", "4", England, "1200"),
            (manchester["outcome"], manchester["rank"], manchester["ranked_of"], manchester["comparator"], manchester["comparator_value"]));
        Assert.Equal(600 * 100_000 / 61_000.0, double.Parse(manchester["value"], CultureInfo.InvariantCulture), 9);
        Assert.Equal(("", "not_compared", ""), (rows[4]["value"], rows[4]["outcome"], rows[4]["source"]));

        // The same question without an indicator is refused, naming the field.
        using var bad = await anonymous.GetAsync("/compare.csv?type=metropolitan_borough");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"indicator\"", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_heat_map_puts_a_word_in_every_cell_with_a_key_and_its_csv_has_every_cell()
    {
        await using var app = await DashboardApp.StartAsync();
        await ComparisonCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);

        await page.GotoAsync("/compare/heat-map?type=metropolitan_borough");

        await Expect(page.Locator("#heat-map caption")).ToHaveTextAsync("Metropolitan boroughs: each indicator compared with England");
        await Expect(page.Locator("#heat-map thead th[scope=col]")).ToHaveCountAsync(5); // Place and the four indicators
        await Expect(page.Locator("#heat-map tbody th[scope=row]")).ToHaveTextAsync(["Bolton", "Bury", "Manchester", "Stockport", "Trafford"]);
        var cells = page.Locator("#heat-map tbody td");
        await Expect(cells).ToHaveCountAsync(20);
        foreach (var word in await cells.Locator(".app-heat-map__word").AllTextContentsAsync())
            Assert.Contains(word, new[] { "Better", "Similar", "Worse", "Higher", "Lower", "Not compared" });
        var bury = page.Locator($"#heat-map tr[data-place='{Bury}'] td[data-indicator='{Admissions}']");
        await Expect(bury).ToHaveAttributeAsync("data-value", "worse");
        await Expect(bury).ToHaveTextAsync("1,750.0 per 100,000 Worse");
        await Expect(page.Locator($"#heat-map tr[data-place='{Bolton}'] td[data-indicator='{Admissions}'] .app-heat-map__word")).ToHaveTextAsync("Similar");
        await Expect(page.Locator(".app-heat-map-key li")).ToHaveCountAsync(6);
        await Expect(page.Locator(".app-heat-map-key")).ToContainTextAsync("Worse significantly worse than England");

        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        var rows = Csv(await anonymous.GetStringAsync("/compare/heat-map.csv?type=metropolitan_borough"));
        Assert.Equal(20, rows.Count);
        Assert.Equal("worse", rows.Single(r => r["place"] == Bury && r["indicator"] == Admissions)["outcome"]);
    }

    [Fact]
    public async Task The_compare_and_heat_map_pages_pass_axe_and_mark_their_section_in_the_navigation()
    {
        await using var app = await DashboardApp.StartAsync();
        await ComparisonCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        var audit = PageAudit.Watch(page);

        await page.GotoAsync(ByGroup);
        await audit.AssertCleanAsync(page, "Compare places", "compare");
        await Expect(page.Locator(".govuk-service-navigation a[aria-current]")).ToHaveTextAsync("Compare places");
        await Expect(page.Locator(".govuk-service-navigation a[aria-current]")).ToHaveAttributeAsync("aria-current", "page");

        await page.GotoAsync($"/compare/heat-map?by=group&group={Group}");
        await audit.AssertCleanAsync(page, "Heat map", "heat-map");
        await Expect(page.Locator(".govuk-service-navigation a[aria-current]")).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.Locator("#heat-map tbody th[scope=row]")).ToHaveTextAsync(["Cheshire East", "Manchester", "Trafford"]);
    }

    private static string Number(JsonElement value) => value.GetDouble().ToString("N1", CultureInfo.InvariantCulture);

    /// <summary>The rows of a CSV without quoted commas (none of these has one), by column name.</summary>
    private static List<Dictionary<string, string>> Csv(string text)
    {
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(x => x.First, x => x.Second))];
    }
}

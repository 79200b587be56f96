using System.Text;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Benefits;
using Scrutiny.Silo.Benefits;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Dashboard.Tests.Admin;

/// <summary>An administrator keeps the unit-cost catalogue and the appraisal settings from the administration pages.</summary>
public sealed class UnitCostTests(Browser browser)
{
    private const string Header = "code,name,borne_by,value,price_year,grade,kind,source,illustrative";

    [Fact]
    public async Task An_administrator_adds_a_unit_cost_without_JavaScript_and_sees_it_listed_then_changes_it()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await AdminCatalogue.SignInAsync(page, keys.Admin);

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Unit costs" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a unit cost" }).ClickAsync();
        await page.FillAsync("#code", "emergency-admission");
        await page.FillAsync("#name", "An emergency admission to hospital");
        await page.FillAsync("#borneBy", "health");
        await page.FillAsync("#value", "£2,150.50");
        await page.FillAsync("#priceYear", "2024/25");
        await page.GetByLabel("1, the most trusted").CheckAsync();
        await page.GetByLabel("Fiscal, non-cashable").CheckAsync();
        await page.FillAsync("#source", "NHS National Cost Collection 2023/24, uprated");
        await page.FillAsync("#licence", "Open Government Licence v3.0");
        await page.GetByLabel("This figure is made up, for illustration").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save unit cost" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Unit costs");
        await Expect(page.Locator("[data-outcome-banner]")).ToContainTextAsync("An emergency admission to hospital (emergency-admission): £2,150.50 at 2024/25 prices.");
        var row = page.Locator("tr[data-unit-cost='emergency-admission']");
        await Expect(row).ToContainTextAsync("An emergency admission to hospital");
        await Expect(row.Locator("td")).ToHaveTextAsync(["emergency-admission", "Health", "£2,150.50", "2024/25", "1", "Fiscal, non-cashable",
            "NHS National Cost Collection 2023/24, uprated", "Open Government Licence v3.0", "Change An emergency admission to hospital"]);
        await Expect(row.Locator("[data-illustrative]")).ToHaveTextAsync("Illustrative");
        var stored = Assert.Single(await app.Get<AppraisalStore>().ListUnitCostsAsync());
        Assert.Equal(("emergency-admission", 215_050L, 1, BenefitKind.FiscalNonCashable, true),
            (stored.Code, stored.ValuePence, stored.Grade, stored.Kind, stored.Illustrative));

        // Adding a second under the same code would replace the first without saying so: the form refuses it.
        await page.GotoAsync("/admin/unit-costs/new");
        await page.FillAsync("#code", "emergency-admission");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save unit cost" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("There is already a unit cost with the code emergency-admission");

        await page.GotoAsync("/admin/unit-costs");
        await row.GetByRole(AriaRole.Link, new() { Name = "Change An emergency admission to hospital" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Unit cost emergency-admission");
        await Expect(page.Locator("#code")).ToHaveCountAsync(0);
        await Expect(page.Locator("#value")).ToHaveValueAsync("2150.50");
        await page.FillAsync("#value", "2200");
        await page.GetByLabel("This figure is made up, for illustration").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save unit cost" }).ClickAsync();

        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("£2,200.00");
        await Expect(row.Locator("[data-illustrative]")).ToHaveCountAsync(0);
        Assert.Equal(220_000L, Assert.Single(await app.Get<AppraisalStore>().ListUnitCostsAsync()).ValuePence);
        var missing = await page.GotoAsync("/admin/unit-costs/E08000003");
        Assert.Equal(404, missing!.Status);
    }

    [Fact]
    public async Task A_bad_unit_cost_names_each_field_in_the_error_summary_and_writes_nothing()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await AdminCatalogue.SignInAsync(page, keys.Admin);

        await page.GotoAsync("/admin/unit-costs/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save unit cost" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary a");
        await Expect(summary).ToHaveTextAsync(["Enter a code", "Enter the name", "Enter who bears the cost", "Enter the value in pounds",
            "Enter the price year", "Choose a confidence grade", "Choose what kind of benefit it is", "Enter the source"]);
        Assert.Equal(["#code", "#name", "#borneBy", "#value", "#priceYear", "#grade", "#kind", "#source"],
            await summary.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        await Expect(page).ToHaveTitleAsync("Error: Add a unit cost – Administration – Scrutiny");

        await page.FillAsync("#code", "Emergency Admission");
        await page.FillAsync("#name", "An emergency admission");
        await page.FillAsync("#borneBy", "health");
        await page.FillAsync("#value", "lots");
        await page.FillAsync("#priceYear", "2024");
        await page.GetByLabel("Social").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save unit cost" }).ClickAsync();

        await Expect(summary).ToHaveTextAsync(["Enter a code of lower-case words joined by hyphens, such as emergency-admission",
            "The value must be an amount in pounds, such as 2150.00", "The price year must be a financial year, such as 2024/25",
            "Choose a confidence grade", "Enter the source"]);
        await Expect(page.Locator("#value-error")).ToContainTextAsync("The value must be an amount in pounds");
        // What was typed is kept, so that only the mistakes need typing again.
        await Expect(page.Locator("#value")).ToHaveValueAsync("lots");
        await Expect(page.GetByLabel("Social")).ToBeCheckedAsync();

        await page.FillAsync("#value", "10.005");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save unit cost" }).ClickAsync();
        await Expect(page.Locator("#value-error")).ToContainTextAsync("The value must be in pounds and pence, such as 2150.50");
        Assert.Empty(await app.Get<AppraisalStore>().ListUnitCostsAsync());
    }

    [Fact]
    public async Task A_csv_with_bad_rows_writes_nothing_and_lists_each_then_a_good_one_is_imported()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await AdminCatalogue.SignInAsync(page, keys.Admin);
        await page.GotoAsync("/admin/unit-costs");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import unit costs" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select a CSV file");

        await page.SetInputFilesAsync("#file", Csv("bad.csv", "bed-day,A bed day,health,400,2025/26,2,fiscal_non_cashable,Test,yes",
            "police-call-out,A call-out,police,180,2025,7,fiscal_cashable,Test,maybe"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import unit costs" }).ClickAsync();

        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Nothing was saved");
        await Expect(page.Locator(".govuk-error-summary a")).ToHaveTextAsync(["Row 2, illustrative: 'maybe' is not yes, no, true or false.",
            "Row 2, price_year: price_year must be a financial year written 2026/27.", "Row 2, grade: grade must be from 1 to 5."]);
        await Expect(page.Locator("#problems tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#unit-costs")).ToHaveCountAsync(0);
        Assert.Empty(await app.Get<AppraisalStore>().ListUnitCostsAsync());

        await page.SetInputFilesAsync("#file", Csv("good.csv", "bed-day,A bed day,health,400,2025/26,2,fiscal_non_cashable,Test,yes",
            "police-call-out,A call-out,police,180,2025/26,3,fiscal_cashable,Test,no"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import unit costs" }).ClickAsync();

        await Expect(page.Locator("[data-outcome-banner]")).ToContainTextAsync("2 unit costs added and 0 unit costs changed.");
        await Expect(page.Locator("#unit-costs tbody tr")).ToHaveCountAsync(2);
        Assert.Equal(2, (await app.Get<AppraisalStore>().ListUnitCostsAsync()).Count);
    }

    [Fact]
    public async Task An_administrator_sets_the_appraisal_settings_and_a_bad_deflator_is_named_by_row()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await AdminCatalogue.SignInAsync(page, keys.Admin);
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Appraisal settings" }).ClickAsync();
        await Expect(page.Locator("#discountRatePercent")).ToHaveValueAsync("3.5");

        await page.FillAsync("#discountRatePercent", "3");
        await page.FillAsync("#priceYear", "2025/26");
        await page.FillAsync("#bias-2", "10");
        await page.FillAsync("#bias-3", "lots");
        await page.FillAsync("#bias-5", "40%");
        await page.FillAsync("#deflator-0-year", "2024/25");
        await page.FillAsync("#deflator-0-index", "98.5");
        await page.FillAsync("#deflator-2-year", "2024/25");
        await page.FillAsync("#deflator-2-index", "100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();

        await Expect(page.Locator(".govuk-error-summary a")).ToHaveTextAsync(["The deflator has no index for 2025/26: give it one, or leave the price year blank",
            "The optimism bias for grade 3 must be a number, such as 72.5", "2024/25 is in the deflator more than once"]);
        Assert.Equal(["#priceYear", "#bias-3", "#deflator-2-year"],
            await page.Locator(".govuk-error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        await Expect(page.Locator("#deflator-2-index")).ToHaveValueAsync("100");
        Assert.Null((await app.Get<AppraisalStore>().GetSettingsAsync()).UpdatedBy);

        await page.FillAsync("#bias-3", "");
        await page.FillAsync("#deflator-2-year", "2025/26");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();

        await Expect(page.Locator("[data-outcome-banner]")).ToContainTextAsync("Appraisal settings saved");
        await Expect(page.Locator("#bias-5")).ToHaveValueAsync("40");
        await Expect(page.Locator("#deflator-1-year")).ToHaveValueAsync("2025/26");
        var settings = await app.Get<AppraisalStore>().GetSettingsAsync();
        Assert.Equal((0.03m, "2025/26"), (settings.DiscountRate, settings.PriceYear));
        Assert.Equal(new Dictionary<int, decimal> { [2] = 0.10m, [5] = 0.40m }, settings.OptimismBias);
        Assert.Equal(new Dictionary<string, decimal> { ["2024/25"] = 98.5m, ["2025/26"] = 100m }, settings.Deflator);
    }

    [Fact]
    public async Task The_unit_cost_pages_pass_axe_and_are_closed_to_agencies()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var agencyPage = await browser.OpenAsync(app);
        await AgencySession.SignInAsync(agencyPage, keys.Agency);
        foreach (var path in new[] { "/admin/unit-costs", "/admin/unit-costs/new", "/admin/appraisal-settings" })
            Assert.Equal(403, (await agencyPage.GotoAsync(path))!.Status);

        var page = await browser.OpenAsync(app);
        var audit = PageAudit.Watch(page);
        await AdminCatalogue.SignInAsync(page, keys.Admin);
        await page.GotoAsync("/admin/unit-costs/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save unit cost" }).ClickAsync();
        await audit.AssertCleanAsync(page, "Add a unit cost", "admin-unit-cost-errors");
        await page.GotoAsync("/admin/unit-costs");
        await page.SetInputFilesAsync("#file", Csv("bad.csv", "bed-day,A bed day,health,400,2025,2,fiscal_non_cashable,Test,yes"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import unit costs" }).ClickAsync();
        await audit.AssertCleanAsync(page, "Unit costs", "admin-unit-costs-import-errors");
        await page.SetInputFilesAsync("#file", Csv("good.csv", "bed-day,A bed day,health,400,2025/26,2,fiscal_non_cashable,Test,yes"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import unit costs" }).ClickAsync();
        await Expect(page.Locator("[data-outcome-banner]")).ToBeVisibleAsync();
        await audit.AssertCleanAsync(page, "Unit costs", "admin-unit-costs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change A bed day" }).ClickAsync();
        await audit.AssertCleanAsync(page, "Unit cost bed-day", "admin-unit-cost");
        await page.GotoAsync("/admin/appraisal-settings");
        await page.FillAsync("#discountRatePercent", "25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await audit.AssertCleanAsync(page, "Appraisal settings", "admin-appraisal-settings-errors");
    }

    private static FilePayload Csv(string name, params string[] rows) =>
        new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]) + "\n") };
}

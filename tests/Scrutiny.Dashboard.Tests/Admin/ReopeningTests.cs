using Dapper;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Frequency = Scrutiny.Grains.Catalogue.Frequency;
using Period = Scrutiny.Grains.Catalogue.Period;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.AdminCatalogue;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Admin;

/// <summary>An administrator reopens a locked period for one agency, with a reason the audit keeps.</summary>
public sealed class ReopeningTests(Browser browser)
{
    private const string AdmissionsTitle = "Emergency hospital admissions of people aged 65 and over";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_reopening_with_a_reason_is_saved_listed_and_audited(bool javaScript)
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript);
        await AdminCatalogue.SignInAsync(page, keys.Admin);
        await page.GotoAsync($"/admin/agencies/{Agency}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reopen a locked period for this agency" }).ClickAsync();
        await Expect(page.Locator("[data-no-reopenings]")).ToBeVisibleAsync();

        await page.SelectOptionAsync("#indicator", Admissions);
        await page.FillAsync("#period", LockedMonth);
        await page.FillAsync("#reason", "The trust found a coding error in January's admissions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen period" }).ClickAsync();

        await Expect(page.Locator("[data-outcome-banner]")).ToContainTextAsync("Period reopened");
        var row = page.Locator("#reopenings tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("th")).ToHaveTextAsync(AdmissionsTitle);
        await Expect(row.Locator("[data-reason]")).ToHaveTextAsync("The trust found a coding error in January's admissions");
        await Expect(row.Locator("[data-reopened-by]")).ToContainTextAsync("dashboard:");
        await Expect(page.Locator("#reason")).ToHaveValueAsync("");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.False((await app.Get<PeriodLocks>().LoadAsync(Agency)).IsLocked(Admissions, Period.Parse(LockedMonth), today));
        Assert.True((await app.Get<PeriodLocks>().LoadAsync(Probation)).IsLocked(Admissions, Period.Parse(LockedMonth), today));
        await using var connection = await app.Get<Database>().OpenAsync();
        var audit = (await connection.QueryAsync<(string Actor, string Action, string Subject, string Detail)>(
            "SELECT actor, action, subject, detail FROM audit_log WHERE action NOT LIKE 'api_key%'")).Single();
        Assert.StartsWith("dashboard:", audit.Actor);
        Assert.Equal((PeriodReopenings.AuditAction, $"{Agency}/{Admissions}/{LockedMonth}"), (audit.Action, audit.Subject));
        Assert.Contains("coding error", audit.Detail);
    }

    [Fact]
    public async Task A_blank_reason_is_an_error_beside_the_field_and_nothing_is_reopened()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await AdminCatalogue.SignInAsync(page, keys.Admin);
        await page.GotoAsync($"/admin/agencies/{Agency}/reopenings");

        await page.SelectOptionAsync("#indicator", Admissions);
        await page.FillAsync("#period", LockedMonth);
        await page.FillAsync("#reason", "   ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen period" }).ClickAsync();

        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a reason for reopening the period");
        await Expect(page.Locator("#reason-error")).ToContainTextAsync("Enter a reason");
        await Expect(page).ToHaveTitleAsync($"Error: Reopen a locked period – Manchester University NHS Foundation Trust – Scrutiny");
        await Expect(page.Locator("#period")).ToHaveValueAsync(LockedMonth);
        await Expect(page.Locator("#indicator")).ToHaveValueAsync(Admissions);
        Assert.Empty(await app.Get<PeriodReopenings>().ListAsync(Agency));
    }

    [Theory]
    [InlineData("2025-Q1", "is not a monthly period")]
    [InlineData("now", "is not locked, so there is nothing to reopen")]
    public async Task A_period_that_is_not_the_indicator_s_or_not_locked_is_an_error_beside_the_period(string period, string error)
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await AdminCatalogue.SignInAsync(page, keys.Admin);
        await page.GotoAsync($"/admin/agencies/{Agency}/reopenings");
        if (period == "now") period = Period.Containing(DateOnly.FromDateTime(DateTime.UtcNow), Frequency.Monthly).ToString();

        await page.SelectOptionAsync("#indicator", Admissions);
        await page.FillAsync("#period", period);
        await page.FillAsync("#reason", "Late data");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen period" }).ClickAsync();

        await Expect(page.Locator("#period-error")).ToContainTextAsync(error);
        Assert.Empty(await app.Get<PeriodReopenings>().ListAsync(Agency));
    }
}

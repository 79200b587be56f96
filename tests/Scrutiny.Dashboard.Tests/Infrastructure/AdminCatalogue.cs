using Microsoft.Playwright;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// <see cref="TestCatalogue"/> with what the administration pages need: a second agency holding the single-source
/// indicator in Manchester, a board in Trafford that nobody sits on yet, admissions periods that lock, and keys.
/// </summary>
public static class AdminCatalogue
{
    public const string Trafford = "E08000009";
    public const string Probation = "GMP";
    public const string ProbationName = "Greater Manchester Probation Service";

    /// <summary>A month long locked: admissions lock 30 days after they are due, 30 days after the month ends.</summary>
    public const string LockedMonth = "2025-01";

    public sealed record Keys(string Agency, string Admin);

    public static async Task<Keys> SeedAsync(DashboardApp app)
    {
        var agencyKey = await TestCatalogue.SeedAsync(app);
        var writer = app.Get<CatalogueWriter>();
        await writer.UpsertAgenciesAsync([new Agency(Probation, ProbationName, "justice")]);
        await writer.UpsertBoardAsync(new PartnershipBoard("manchester-csp", "Manchester Community Safety Partnership", TestCatalogue.Manchester, [Probation]));
        await writer.UpsertBoardAsync(new PartnershipBoard("trafford-hwb", "Trafford Health and Wellbeing Board", Trafford, []));
        await writer.AssignIndicatorsAsync(Probation, [TestCatalogue.Reoffending]);
        await writer.SetScheduleAsync(new IndicatorSchedule(TestCatalogue.Admissions, DueDays: 30, LockDays: 30, Target: null));
        return new Keys(agencyKey, await app.Get<ApiKeyStore>().CreateAsync(null, isAdmin: true));
    }

    /// <summary>Signs in through the sign-in page with an administrator's key.</summary>
    public static async Task SignInAsync(IPage page, string adminKey)
    {
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#api-key", adminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with API key" }).ClickAsync();
        await Expect(page.Locator("[data-signed-in-admin]")).ToBeVisibleAsync();
    }
}

using Scrutiny.Dashboard.Tests.Committees;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Panels;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Exports;

/// <summary>
/// One running dashboard with a table of every kind to download, read and never changed by the tests that share it:
/// delayed days published with a note that starts a formula, admissions held back for release (so that an entitled
/// reader's files differ from the public's), a panel and a committee recommendation whose texts start formulas too.
/// </summary>
public sealed class TablesApp : IAsyncLifetime
{
    /// <summary>Text a spreadsheet would run as a formula if it were written as one.</summary>
    public const string Hostile = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public const string HostileRecommendation = "@SUM(1+1) the board should publish its plan";
    public const string UnpublishedMonth = "2026-07";

    public DashboardApp App { get; private set; } = null!;
    public string AgencyKey { get; private set; } = "";
    public string AdminKey { get; private set; } = "";
    public FormClient Administrator { get; private set; } = null!;
    public string PanelId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        App = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(App);
        AgencyKey = await App.Get<ApiKeyStore>().CreateAsync(TestCatalogue.Agency, isAdmin: false);
        AdminKey = await App.Get<ApiKeyStore>().CreateAsync(null, isAdmin: true);
        await App.Get<CatalogueWriter>().SetScheduleAsync(new IndicatorSchedule(Admissions, 30, null, null, PublicationRule.OnRelease));
        await Returns.PostAsync(App, AgencyKey,
            new { place = Manchester, indicator = DelayedDays, period = "2026-01", numerator = 1200, note = Hostile },
            new { place = Manchester, indicator = DelayedDays, period = "2026-02", numerator = 1300, note = "-3 days on the month before" },
            new { place = Manchester, indicator = Admissions, period = UnpublishedMonth, numerator = 500, denominator = 61000 });
        var panel = await App.Get<PanelEditor>().CreateAsync(
            new PanelDraft("+Committee follow-up", "What the committee asked to see.", [(Manchester, DelayedDays), (Manchester, Admissions)]), "test");
        PanelId = panel.Panel!.Id;
        await c.RecommendAsync(HostileRecommendation, CommitteeCase.HealthBoard);
        Administrator = new FormClient(App);
        await Administrator.SignInAsync(c.People.Administrator.Email, c.People.Administrator.Password);
    }

    public async ValueTask DisposeAsync()
    {
        Administrator?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}

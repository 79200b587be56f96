using System.Net.Http.Headers;
using System.Net.Http.Json;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// An unpublished value to keep from the public: delayed discharge days in Manchester, published on release, with
/// 2026-06 released and 2026-07 not. The unreleased value is sent by the probation service, whose key no generated
/// request holds, so that the agency key's own returns (which it may read) never contain it.
/// </summary>
public static class Embargo
{
    public const string Indicator = DelayedDays;
    public const string Page = $"/places/{Manchester}/indicators/{DelayedDays}";

    /// <summary>A value no seeded figure and no generated input uses, in every form a page, a CSV or JSON writes it.</summary>
    public static readonly string[] Markers = ["48271", "48,271", "48 271"];

    public static async Task SetUpAsync(DashboardApp app, string agencyKey, string adminKey)
    {
        var writer = app.Get<CatalogueWriter>();
        await writer.AssignIndicatorsAsync(AdminCatalogue.Probation, [Reoffending, DelayedDays]);
        await writer.SetScheduleAsync(new IndicatorSchedule(DelayedDays, 30, null, null, PublicationRule.OnRelease));
        var probationKey = await app.Get<ApiKeyStore>().CreateAsync(AdminCatalogue.Probation, isAdmin: false);
        await Returns.PostAsync(app, agencyKey, new { place = Manchester, indicator = DelayedDays, period = "2026-06", numerator = 1234 });
        await Returns.PostAsync(app, probationKey, new { place = Manchester, indicator = DelayedDays, period = "2026-07", numerator = 48271 });
        using var admin = new HttpClient { BaseAddress = app.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", adminKey);
        using var released = await admin.PostAsJsonAsync($"/api/v1/indicators/{DelayedDays}/releases", new { period = "2026-06" });
        Assert.True(released.IsSuccessStatusCode, await released.Content.ReadAsStringAsync());
    }

    /// <summary>The first marker in <paramref name="text"/>, if any.</summary>
    public static string? Find(string text) => Markers.FirstOrDefault(m => text.Contains(m, StringComparison.Ordinal));
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Tests.Statistics.Spc;
using Scrutiny.Silo.Store;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// An SPC fixture case as an indicator in Manchester: its values as MFT's monthly returns from 2023-01 and its
/// target, so that a page shows the points, flags and icons the fixtures expect.
/// </summary>
public static class SpcCase
{
    public const string Name = "A_INC";
    public const string Indicator = "spc-a-inc";
    public const string Title = $"SPC case {Name}";

    /// <summary>Seeds the catalogue and the case; returns MFT's API key.</summary>
    public static async Task<string> SeedAsync(DashboardApp app)
    {
        var key = await TestCatalogue.SeedAsync(app);
        var c = SpcFixtures.Cases.Single(x => x.Name == Name);
        await app.Get<CatalogueWriter>().UpsertIndicatorsAsync([new IndicatorDefinition(Indicator, Title, "test",
            IndicatorUnit.Value, c.Polarity, Frequency.Monthly, CombineMethod.SingleSource)]);
        await app.Get<CatalogueWriter>().AssignIndicatorsAsync(TestCatalogue.Agency,
            [TestCatalogue.Admissions, TestCatalogue.DelayedDays, TestCatalogue.StillAtHome, Indicator]);
        var first = new Period(Frequency.Monthly, 2023, 1);
        await Returns.PostAsync(app, key, [.. SpcFixtures.PointsOf(Name).Select(p => (object)new
            { place = TestCatalogue.Manchester, indicator = Indicator, period = first.Next(p.Point - 1).ToString(), numerator = p.Value })]);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        var target = await client.PutAsJsonAsync($"/api/v1/places/{TestCatalogue.Manchester}/indicators/{Indicator}/target",
            new { value = c.Target, reason = "The case's target" });
        Assert.True(target.IsSuccessStatusCode);
        return key;
    }
}

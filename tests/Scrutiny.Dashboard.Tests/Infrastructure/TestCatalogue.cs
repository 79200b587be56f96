using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>A small catalogue, written through the silo's own services, and an agency API key to submit with.</summary>
public static class TestCatalogue
{
    public const string Manchester = "E08000003";
    public const string Agency = "MFT";
    public const string Admissions = "emergency-admissions-65plus";
    public const string DelayedDays = "delayed-discharge-days";
    public const string StillAtHome = "still-at-home-91-days";
    public const string Reoffending = "proven-reoffending";

    /// <summary>Seeds the catalogue and returns an API key for <see cref="Agency"/>.</summary>
    public static async Task<string> SeedAsync(DashboardApp app)
    {
        var writer = app.Get<CatalogueWriter>();
        await writer.UpsertPlacesAsync([
            new Place("E92000001", "England", "country", null),
            new Place("E47000001", "Greater Manchester", "combined_authority", "E92000001"),
            new Place(Manchester, "Manchester", "metropolitan_borough", "E47000001"),
            new Place("E08000009", "Trafford", "metropolitan_borough", "E47000001"),
        ]);
        await writer.UpsertIndicatorsAsync([
            new IndicatorDefinition(Admissions, "Emergency hospital admissions of people aged 65 and over", "health_and_care",
                IndicatorUnit.RatePer100000, Polarity.LowerIsBetter, Frequency.Monthly, CombineMethod.SumNumeratorsAndDenominators),
            new IndicatorDefinition(DelayedDays, "Days people spent in hospital after they were ready to leave", "health_and_care",
                IndicatorUnit.Count, Polarity.LowerIsBetter, Frequency.Monthly, CombineMethod.Sum),
            new IndicatorDefinition(StillAtHome, "Older people still at home 91 days after discharge into reablement", "health_and_care",
                IndicatorUnit.Percentage, Polarity.HigherIsBetter, Frequency.Quarterly, CombineMethod.SumNumeratorsAndDenominators),
            new IndicatorDefinition(Reoffending, "Adults who reoffend within a year", "community_safety",
                IndicatorUnit.Percentage, Polarity.LowerIsBetter, Frequency.Quarterly, CombineMethod.SingleSource),
        ]);
        await writer.UpsertAgenciesAsync([new Agency(Agency, "Manchester University NHS Foundation Trust", "health")]);
        await writer.UpsertBoardAsync(new PartnershipBoard("manchester-hwb", "Manchester Health and Wellbeing Board", Manchester, [Agency]));
        await writer.AssignIndicatorsAsync(Agency, [Admissions, DelayedDays, StillAtHome]);
        return await app.Get<ApiKeyStore>().CreateAsync(Agency, isAdmin: false);
    }
}

using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Tests.Infrastructure;

public static class MinimalCatalogue
{
    /// <summary>A small catalogue: Greater Manchester, two boroughs, three indicators, two agencies on one board.</summary>
    public static async Task SeedAsync(CatalogueWriter writer)
    {
        await writer.UpsertPlacesAsync([
            new Place("E92000001", "England", "country", null),
            new Place("E47000001", "Greater Manchester", "combined_authority", "E92000001"),
            new Place("E08000003", "Manchester", "metropolitan_borough", "E47000001"),
            new Place("E08000009", "Trafford", "metropolitan_borough", "E47000001"),
        ]);
        await writer.UpsertIndicatorsAsync([
            new IndicatorDefinition("emergency-admissions-65plus", "Emergency hospital admissions of people aged 65 and over",
                "health_and_care", IndicatorUnit.RatePer100000, Polarity.LowerIsBetter, Frequency.Monthly, CombineMethod.SumNumeratorsAndDenominators),
            new IndicatorDefinition("delayed-discharge-days", "Days people spent in hospital after they were ready to leave",
                "health_and_care", IndicatorUnit.Count, Polarity.LowerIsBetter, Frequency.Monthly, CombineMethod.Sum),
            new IndicatorDefinition("still-at-home-91-days", "Older people still at home 91 days after discharge into reablement",
                "health_and_care", IndicatorUnit.Percentage, Polarity.HigherIsBetter, Frequency.Quarterly, CombineMethod.SumNumeratorsAndDenominators),
        ]);
        await writer.UpsertAgenciesAsync([
            new Agency("MCC", "Manchester City Council", "local_government"),
            new Agency("MFT", "Manchester University NHS Foundation Trust", "health"),
        ]);
        await writer.UpsertBoardAsync(new PartnershipBoard("manchester-hwb", "Manchester Health and Wellbeing Board", "E08000003", ["MCC", "MFT"]));
        foreach (var agency in new[] { "MCC", "MFT" })
            await writer.AssignIndicatorsAsync(agency, ["emergency-admissions-65plus", "delayed-discharge-days", "still-at-home-91-days"]);
    }

}

using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Api.Indicators;

/// <summary>An indicator as the API shows it: the catalogue CSV's columns, its schedule, target and publication rule.</summary>
public sealed record IndicatorResource(
    string Code, string Title, string Theme, string Unit, string Polarity, string Frequency, string Combine,
    int DueDays, int? LockDays, double? Target, string Publication, int? PublishDays)
{
    public static IndicatorResource From(IndicatorDefinition d, IndicatorSchedule? schedule) =>
        new(d.Code, d.Title, d.Theme, CatalogueNames.Name(d.Unit), CatalogueNames.Name(d.Polarity), CatalogueNames.Name(d.Frequency),
            CatalogueNames.Name(d.Combine), schedule?.DueDays ?? IndicatorSchedule.DefaultDueDays, schedule?.LockDays, schedule?.Target,
            CatalogueNames.Name(schedule?.Publication ?? PublicationRule.OnAcceptance),
            schedule?.Publication == PublicationRule.DaysAfterPeriodEnd ? schedule.PublishDays : null);
}

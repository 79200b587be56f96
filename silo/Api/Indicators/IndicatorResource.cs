using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Api.Indicators;

/// <summary>An indicator as the API shows it: the catalogue CSV's columns, its schedule and its target.</summary>
public sealed record IndicatorResource(
    string Code, string Title, string Theme, string Unit, string Polarity, string Frequency, string Combine,
    int DueDays, int? LockDays, double? Target)
{
    public static IndicatorResource From(IndicatorDefinition d, IndicatorSchedule? schedule) =>
        new(d.Code, d.Title, d.Theme, CatalogueNames.Name(d.Unit), CatalogueNames.Name(d.Polarity), CatalogueNames.Name(d.Frequency),
            CatalogueNames.Name(d.Combine), schedule?.DueDays ?? IndicatorSchedule.DefaultDueDays, schedule?.LockDays, schedule?.Target);
}

using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Publication;

/// <summary>
/// An indicator's publication rule in words, the same on the administration and public pages and in the release API's
/// refusals.
/// </summary>
public static class PublicationWords
{
    public static string Describe(IndicatorSchedule? schedule) => schedule?.Publication switch
    {
        PublicationRule.DaysAfterPeriodEnd => $"{schedule.PublishDays} {(schedule.PublishDays == 1 ? "day" : "days")} after each period ends",
        PublicationRule.OnRelease => "When an administrator releases each period",
        _ => "As soon as each return is accepted",
    };
}

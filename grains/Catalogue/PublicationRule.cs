namespace Scrutiny.Grains.Catalogue;

/// <summary>
/// When an indicator's values become public. Until then a value is unpublished: the public pages, anonymous API
/// answers and anonymous live updates leave it out, and only those entitled to see it early do (administrators and
/// the members of the place's partnership boards).
/// </summary>
[GenerateSerializer]
public enum PublicationRule
{
    /// <summary>As soon as a return is accepted: for figures that are public already, such as ONS statistics.</summary>
    OnAcceptance,

    /// <summary>A set number of days after the period's last day, whatever has been returned by then.</summary>
    DaysAfterPeriodEnd,

    /// <summary>When an administrator releases the period, as an official statistic is released on a set day.</summary>
    OnRelease,
}

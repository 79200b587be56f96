namespace Scrutiny.Silo.Api.Indicators;

/// <summary>
/// An indicator definition as sent by an administrator (JSON body or a row of the catalogue CSV); every field may be
/// missing, so that the validator can name each one. <see cref="DueDays"/> defaults to 30; <see cref="LockDays"/>
/// and <see cref="Target"/> may be null (never locked; no target); <see cref="Publication"/> defaults to
/// <c>on_acceptance</c>, and <see cref="PublishDays"/> is required for <c>days_after_period_end</c> only.
/// </summary>
public sealed record IndicatorBody(
    string? Code, string? Title, string? Theme, string? Unit, string? Polarity, string? Frequency, string? Combine,
    int? DueDays, int? LockDays, double? Target, string? Publication = null, int? PublishDays = null);

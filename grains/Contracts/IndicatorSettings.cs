namespace Scrutiny.Grains.Contracts;

/// <summary>Who changed a place's setting for an indicator, when, and why: every target and rebase carries one.</summary>
[GenerateSerializer, Immutable]
public sealed record SettingChange(string Reason, string By, DateTimeOffset At);

/// <summary>A place's target for an indicator, on the indicator's own scale.</summary>
[GenerateSerializer, Immutable]
public sealed record TargetSetting(double Value, SettingChange Change);

/// <summary>
/// A period from which the SPC chart starts new limits, because the process changed then (a new service, a new
/// definition): points before it no longer set the limits of points after it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RebaseSetting(string Period, SettingChange Change);

/// <summary>
/// What a place has set for an indicator. <see cref="CatalogueTarget"/> is the catalogue's default for every
/// place; a place's own <see cref="Target"/> replaces it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorSettings(TargetSetting? Target, double? CatalogueTarget, IReadOnlyList<RebaseSetting> Rebases)
{
    public static readonly IndicatorSettings None = new(null, null, []);

    /// <summary>The target the statistics use: the place's own, else the catalogue's.</summary>
    public double? EffectiveTarget => Target?.Value ?? CatalogueTarget;
}

/// <summary>
/// A row of the audit log, appended in the same transaction as the grain state it explains, so that the audit and
/// the change never disagree.
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Subject, string? Detail)
    : Storage.IAppendRecord;

/// <summary>The audit actions of a place's indicator settings.</summary>
public static class SettingActions
{
    public const string TargetSet = "target_set";
    public const string TargetCleared = "target_cleared";
    public const string RebaseAdded = "rebase_added";
    public const string RebaseRemoved = "rebase_removed";
}

using System.Security.Claims;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Api.Places;

/// <summary>What became of a change to a place's indicator settings.</summary>
public enum SettingOutcome
{
    Done,
    Invalid,
    Conflict,
}

/// <summary>The outcome, the problems that stopped it (field by field), and the settings as they now stand.</summary>
public sealed record SettingResult(SettingOutcome Outcome, IReadOnlyList<FieldProblem> Problems, IndicatorSettings? Settings);

/// <summary>
/// Sets a place's target and rebase points for an indicator: the one implementation behind the API and the
/// indicator page, so that both check the same things and leave the same audit.
/// </summary>
public sealed class IndicatorSettingsEditor(ICatalogueReader catalogue, IGrainFactory grains, TimeProvider time)
{
    public const int MaxReasonLength = 500;

    /// <summary>
    /// Who may change a place's settings: an administrator, or an agency that sits on one of the place's partnership
    /// boards (the partners who answer for the place's outcomes).
    /// </summary>
    public async Task<bool> MayChangeAsync(ClaimsPrincipal user, string place, CancellationToken cancellationToken = default) =>
        user.IsAdministrator() ||
        (user.AgencyCode() is { } agency && (await catalogue.AgencyScopeAsync(agency, cancellationToken)).Places.Contains(place));

    public async Task<SettingResult> SetTargetAsync(IndicatorDefinition indicator, string place, double? value, string? reason, string actor)
    {
        var problems = new List<FieldProblem>();
        if (value is { } v && !double.IsFinite(v)) problems.Add(new("value", "not_finite", "The target must be a finite number."));
        CheckReason(reason, problems);
        if (problems.Count > 0) return new(SettingOutcome.Invalid, problems, null);

        var settings = await Grain(place, indicator).SetTargetAsync(value, Change(reason!, actor));
        return new(SettingOutcome.Done, [], settings);
    }

    public Task<SettingResult> AddRebaseAsync(IndicatorDefinition indicator, string place, string? period, string? reason, string actor) =>
        ChangeRebaseAsync(indicator, place, period, reason, actor, (grain, at, change) => grain.AddRebaseAsync(at, change),
            at => new("period", "already_rebased", $"The limits already start again at {at}."));

    public Task<SettingResult> RemoveRebaseAsync(IndicatorDefinition indicator, string place, string? period, string? reason, string actor) =>
        ChangeRebaseAsync(indicator, place, period, reason, actor, (grain, at, change) => grain.RemoveRebaseAsync(at, change),
            at => new("period", "not_rebased", $"The limits do not start again at {at}."));

    /// <summary>Checks the period and reason, then adds or removes; false from the grain is a conflict.</summary>
    private async Task<SettingResult> ChangeRebaseAsync(IndicatorDefinition indicator, string place, string? period, string? reason,
        string actor, Func<IIndicatorGrain, string, SettingChange, Task<bool>> change, Func<string, FieldProblem> conflict)
    {
        var problems = new List<FieldProblem>();
        var parsed = CheckPeriod(indicator, period, problems);
        CheckReason(reason, problems);
        if (problems.Count > 0) return new(SettingOutcome.Invalid, problems, null);

        var grain = Grain(place, indicator);
        var at = parsed!.Value.ToString();
        if (!await change(grain, at, Change(reason!, actor))) return new(SettingOutcome.Conflict, [conflict(at)], null);
        return new(SettingOutcome.Done, [], (await grain.GetSeriesAsync(DataView.All)).Settings);
    }

    private IIndicatorGrain Grain(string place, IndicatorDefinition indicator) =>
        grains.IndicatorGrain(place, indicator.Code);

    private SettingChange Change(string reason, string actor) => new(reason.Trim(), actor, time.GetUtcNow());

    private static Period? CheckPeriod(IndicatorDefinition indicator, string? period, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(period)) problems.Add(new("period", "required", "Enter the period the new limits start from."));
        else if (!Period.TryParse(period.Trim(), indicator.Frequency, out var parsed))
            problems.Add(new("period", "invalid_period",
                $"The period must be a {CatalogueNames.Name(indicator.Frequency)} period such as {Period.Example(indicator.Frequency)}."));
        else return parsed;
        return null;
    }

    private static void CheckReason(string? reason, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(reason)) problems.Add(new("reason", "required", "Enter the reason for the change."));
        else if (reason.Trim().Length > MaxReasonLength)
            problems.Add(new("reason", "too_long", $"The reason must be {MaxReasonLength} characters or fewer."));
    }
}

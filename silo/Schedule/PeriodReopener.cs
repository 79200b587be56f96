using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Schedule;

/// <summary>
/// An administrator's request to reopen a locked period for one agency, checked and recorded the same way whether
/// it comes through <c>POST /api/v1/agencies/{code}/reopenings</c> or the dashboard's form.
/// </summary>
public sealed class PeriodReopener(ICatalogueReader catalogue, PeriodLocks locks, PeriodReopenings reopenings, TimeProvider time)
{
    public async Task<ReopenOutcome> ReopenAsync(string code, ReopeningRequest? request, string actor, CancellationToken cancellationToken = default)
    {
        if (await catalogue.FindAgencyAsync(code, cancellationToken) is null) return ReopenOutcome.UnknownAgency;

        var problems = new List<FieldProblem>();
        IndicatorDefinition? indicator = null;
        if (string.IsNullOrWhiteSpace(request?.Indicator)) problems.Add(new("indicator", "required", "An indicator code is required."));
        else if ((indicator = await catalogue.FindIndicatorAsync(request.Indicator, cancellationToken)) is null)
            problems.Add(new("indicator", "unknown_indicator", $"No indicator has the code '{request.Indicator}'."));

        Period? period = null;
        if (string.IsNullOrWhiteSpace(request?.Period)) problems.Add(new("period", "required", "A period is required."));
        else if (indicator is not null && !Period.TryParse(request.Period.Trim(), indicator.Frequency, out period))
            problems.Add(new("period", "invalid_period",
                $"'{request.Period}' is not a {CatalogueNames.Name(indicator.Frequency)} period (write it like {Period.Example(indicator.Frequency)})."));

        if (string.IsNullOrWhiteSpace(request?.Reason)) problems.Add(new("reason", "required", "A reason is required; the audit keeps it."));
        if (problems.Count > 0 || indicator is null || period is not { } p) return new ReopenOutcome(ReopenStatus.Invalid, null, problems);

        var checker = await locks.LoadAsync(code, cancellationToken);
        if (checker.IsReopened(indicator.Code, p))
            return new ReopenOutcome(ReopenStatus.AlreadyReopened, null,
                [new("period", "already_reopened", $"{indicator.Code} {p} is already reopened for {code}.")]);
        if (!checker.IsLocked(indicator.Code, p, time.Today()))
            return new ReopenOutcome(ReopenStatus.Invalid, null, [new("period", "not_locked", $"{indicator.Code} {p} is not locked; there is nothing to reopen.")]);

        var reopening = await reopenings.AddAsync(code, indicator.Code, p, request!.Reason!.Trim(), actor, cancellationToken);
        return new ReopenOutcome(ReopenStatus.Reopened, reopening, []);
    }
}

public enum ReopenStatus { Reopened, UnknownAgency, Invalid, AlreadyReopened }

/// <summary>
/// What <see cref="PeriodReopener.ReopenAsync"/> did. <see cref="Problems"/> are the request's problems (Invalid) or
/// the one saying the period is already open for the agency (AlreadyReopened).
/// </summary>
public sealed record ReopenOutcome(ReopenStatus Status, PeriodReopening? Reopening, IReadOnlyList<FieldProblem> Problems)
{
    public static readonly ReopenOutcome UnknownAgency = new(ReopenStatus.UnknownAgency, null, []);
}

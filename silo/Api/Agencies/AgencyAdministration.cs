using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Api.Agencies;

/// <summary>
/// Saving an agency with what it may submit: one path, the same checks and the same audit, whether an administrator
/// sends <c>PUT /api/v1/agencies/{code}</c> or ticks boxes in the dashboard.
/// </summary>
public sealed class AgencyAdministration(ICatalogueReader catalogue, CatalogueWriter writer, TimeProvider time)
{
    /// <summary>Validates <paramref name="body"/> and, when it is clean and clashes with no single source, writes it whole.</summary>
    public async Task<AgencySaveOutcome> SaveAsync(string code, AgencyBody body, string actor, CancellationToken cancellationToken = default)
    {
        var (valid, problems) = await new AgencyBodyValidator(catalogue).ValidateAsync(code, body, cancellationToken);
        if (valid is not { } checkedAgency) return new AgencySaveOutcome(null, false, problems, []);
        var (agency, scope) = checkedAgency;

        var saved = await writer.SaveAgencyAsync(agency, scope, actor, time.GetUtcNow(), cancellationToken);
        return saved.Clashes.Count > 0
            ? new AgencySaveOutcome(null, false, [], saved.Clashes)
            : new AgencySaveOutcome(AgencyResource.From(agency, scope), saved.Created, [], []);
    }
}

/// <summary>
/// What <see cref="AgencyAdministration.SaveAsync"/> did: saved (<see cref="Saved"/>), refused for problems with the
/// body, or refused because a single-source indicator would get a second source (<see cref="Clashes"/>).
/// </summary>
public sealed record AgencySaveOutcome(
    AgencyResource? Saved, bool Created, IReadOnlyList<FieldProblem> Problems, IReadOnlyList<CatalogueWriter.SingleSourceClash> Clashes);

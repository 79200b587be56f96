using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Publication;

public enum ReleaseStatus { Released, UnknownIndicator, Invalid, NotReleasedByAdministrator, AlreadyReleased }

/// <summary>What <see cref="PeriodReleaser.ReleaseAsync"/> did, with the request's problems named by field.</summary>
public sealed record ReleaseOutcome(ReleaseStatus Status, PeriodRelease? Release, IReadOnlyList<FieldProblem> Problems);

/// <summary>
/// An administrator's release of one period of an indicator published on release: checked and recorded the same way
/// from <c>POST /api/v1/indicators/{code}/releases</c> and from the dashboard's form. Once released, the period's
/// values are public in every place; the indicator's active grains re-read their releases at once, and open public
/// pages are told.
/// </summary>
public sealed class PeriodReleaser(
    ICatalogueReader catalogue, PublicationReleases releases, PublicationNotices notices, ActiveIndicatorGrains grains, TimeProvider time)
{
    public async Task<ReleaseOutcome> ReleaseAsync(string code, ReleaseRequest? request, string actor, CancellationToken cancellationToken = default)
    {
        if (await catalogue.FindIndicatorAsync(code, cancellationToken) is not { } indicator)
            return new(ReleaseStatus.UnknownIndicator, null, []);
        var schedule = await catalogue.FindScheduleAsync(code, cancellationToken);
        if (schedule?.Publication != PublicationRule.OnRelease)
        {
            var rule = PublicationWords.Describe(schedule);
            return new(ReleaseStatus.NotReleasedByAdministrator, null, [new("period", "not_on_release",
                $"{code} is published {char.ToLowerInvariant(rule[0])}{rule[1..]}, not on an administrator's release: there is nothing to release.")]);
        }

        var text = request?.Period?.Trim();
        if (string.IsNullOrEmpty(text))
            return Invalid(new("period", "required", "Enter the period to release."));
        if (!Period.TryParse(text, indicator.Frequency, out var period))
            return Invalid(new("period", "invalid_period",
                $"'{text}' is not a {CatalogueNames.Name(indicator.Frequency)} period (write it like {Period.Example(indicator.Frequency)})."));
        var now = time.GetUtcNow();
        if (period.Value.End > DateOnly.FromDateTime(now.UtcDateTime))
            return Invalid(new("period", "not_ended", $"{period} has not ended yet; a period is released once it is over."));

        var release = new PeriodRelease(code, period.Value.ToString(), actor, now);
        if (!await releases.AddAsync(release, cancellationToken))
            return new(ReleaseStatus.AlreadyReleased, null, [new("period", "already_released", $"{code} {period} is already released.")]);

        await grains.CatalogueChangedAsync([code]);
        await notices.AnnounceAsync(code, release.Period, now, cancellationToken);
        return new(ReleaseStatus.Released, release, []);
    }

    private static ReleaseOutcome Invalid(FieldProblem problem) => new(ReleaseStatus.Invalid, null, [problem]);
}

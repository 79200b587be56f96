using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Seeding;

/// <summary>
/// Publication control in the demo: proven reoffending is an official statistic, released on a set day, so it is
/// published on release, with every period released but the newest. The public pages show it a quarter behind what
/// an administrator or a board member sees, and <c>/admin/releases</c> has a period to release.
/// </summary>
public sealed class DemoPublication(CatalogueWriter catalogue, PeriodReleaser releaser)
{
    public const string ReleasedIndicator = "proven-reoffending";

    public const string Actor = "seed-demo";

    public Task SetRulesAsync(CancellationToken cancellationToken) =>
        catalogue.SetScheduleAsync(new IndicatorSchedule(ReleasedIndicator, IndicatorSchedule.DefaultDueDays, null, null, PublicationRule.OnRelease),
            cancellationToken);

    /// <summary>Releases every period returned for the indicator anywhere but the newest, oldest first.</summary>
    public async Task ReleaseAllButNewestAsync(IEnumerable<string> periods, CancellationToken cancellationToken)
    {
        var ordered = periods.Distinct().Select(Period.Parse).Order().ToList();
        foreach (var period in ordered.Take(ordered.Count - 1))
            await releaser.ReleaseAsync(ReleasedIndicator, new ReleaseRequest(period.ToString()), Actor, cancellationToken);
    }
}

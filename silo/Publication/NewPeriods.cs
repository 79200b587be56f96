using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Publication;

/// <summary>
/// When a period's current value became visible to a reader: the rule "what changed this month" picks periods by.
/// The value is the one its last contribution made, so it exists from that contribution's acceptance (the latest
/// <see cref="Contribution.SubmittedAt"/>): a revision is a new value. An entitled reader (<see cref="DataView.All"/>)
/// sees it from then. The public sees it from then or from its publication, whichever is later: under on_acceptance
/// at once; under days_after_period_end from the start (00:00 UTC) of <see cref="IndicatorSchedule.PublishedFrom"/>;
/// under on_release from the release's <see cref="PeriodRelease.ReleasedAt"/>.
/// </summary>
public static class NewPeriods
{
    /// <summary>Null for a point with no contribution (none is ever kept, but a point is data, not a promise).</summary>
    public static DateTimeOffset? VisibleFrom(SeriesPoint point, DataView view, IndicatorSchedule? schedule, DateTimeOffset? releasedAt)
    {
        if (point.Contributions.Count == 0) return null;
        var accepted = point.Contributions.Max(c => c.SubmittedAt);
        return view == DataView.All ? accepted : PublicationMoments.PublicFrom(schedule, point.Period, accepted, releasedAt);
    }
}

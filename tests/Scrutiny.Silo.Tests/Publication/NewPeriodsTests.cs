using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Silo.Tests.Publication;

/// <summary>When a period's value became visible to a reader: what "what changed this month" picks periods by.</summary>
public sealed class NewPeriodsTests
{
    private static readonly DateTimeOffset First = new(2026, 8, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Revised = new(2026, 9, 2, 14, 30, 0, TimeSpan.Zero);

    // Two agencies: the value is the one the later contribution made (a revision of one agency's part).
    private static readonly SeriesPoint July = new("2026-07", 30, null, 30,
    [
        new Contribution("A", 10, null, null, 1, "b1", "a", First),
        new Contribution("B", 20, null, null, 2, "b2", "b", Revised),
    ]);

    private static IndicatorSchedule Rule(PublicationRule rule, int days = 0) => new("x", 30, null, null, rule, days);

    private static DateTimeOffset? Public(IndicatorSchedule? schedule, DateTimeOffset? releasedAt = null) =>
        NewPeriods.VisibleFrom(July, DataView.Published, schedule, releasedAt);

    [Fact]
    public void An_entitled_reader_sees_the_value_from_its_acceptance_whatever_the_rule()
    {
        foreach (var rule in Enum.GetValues<PublicationRule>())
            Assert.Equal(Revised, NewPeriods.VisibleFrom(July, DataView.All, Rule(rule, 90), null));
    }

    [Fact]
    public void On_acceptance_the_public_sees_it_at_once() => Assert.Equal(Revised, Public(Rule(PublicationRule.OnAcceptance)));

    [Fact]
    public void Days_after_the_public_sees_it_from_the_start_of_its_publication_day_or_its_acceptance_if_later()
    {
        // 2026-07 published 60 days after it ends: 29 September.
        Assert.Equal(new DateTimeOffset(2026, 9, 29, 0, 0, 0, TimeSpan.Zero), Public(Rule(PublicationRule.DaysAfterPeriodEnd, 60)));
        // 10 days after: 10 August, before the revision was accepted.
        Assert.Equal(Revised, Public(Rule(PublicationRule.DaysAfterPeriodEnd, 10)));
    }

    [Fact]
    public void On_release_the_public_sees_it_from_the_release_or_its_acceptance_if_later()
    {
        var release = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(release, Public(Rule(PublicationRule.OnRelease), release));
        Assert.Equal(Revised, Public(Rule(PublicationRule.OnRelease), First));
    }

    [Fact]
    public void A_point_without_contributions_has_no_moment_and_no_schedule_means_on_acceptance()
    {
        Assert.Null(NewPeriods.VisibleFrom(July with { Contributions = [] }, DataView.Published, null, null));
        Assert.Equal(Revised, Public(null));
    }
}

using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Tests.Catalogue;

public sealed class IndicatorScheduleTests
{
    private static readonly Period July = Period.Parse("2026-07");

    [Fact]
    public void A_period_is_due_its_due_days_after_its_last_day()
    {
        var schedule = new IndicatorSchedule("x", 30, LockDays: 10, Target: null);

        Assert.Equal(new DateOnly(2026, 8, 30), schedule.DueDate(July));
        Assert.True(schedule.IsOnTime(July, new DateOnly(2026, 8, 30)));
        Assert.False(schedule.IsOnTime(July, new DateOnly(2026, 8, 31)));
    }

    [Fact]
    public void A_period_locks_its_lock_days_after_the_due_date()
    {
        var schedule = new IndicatorSchedule("x", 30, LockDays: 10, Target: null);

        Assert.False(schedule.IsLocked(July, new DateOnly(2026, 9, 9)));
        Assert.True(schedule.IsLocked(July, new DateOnly(2026, 9, 10)));
    }

    [Fact]
    public void Without_lock_days_a_period_never_locks() =>
        Assert.False(new IndicatorSchedule("x", 30, null, null).IsLocked(July, new DateOnly(2099, 1, 1)));
}

public sealed class PublicationRuleTests
{
    private static readonly Period July = Period.Parse("2026-07");

    [Theory]
    // rule, publish days, today, released, published?
    [InlineData(PublicationRule.OnAcceptance, 0, "2026-07-15", false, true)]
    [InlineData(PublicationRule.DaysAfterPeriodEnd, 1, "2026-07-31", false, false)]
    [InlineData(PublicationRule.DaysAfterPeriodEnd, 1, "2026-08-01", false, true)]
    [InlineData(PublicationRule.DaysAfterPeriodEnd, 30, "2026-08-29", false, false)]
    [InlineData(PublicationRule.DaysAfterPeriodEnd, 30, "2026-08-30", false, true)]
    [InlineData(PublicationRule.DaysAfterPeriodEnd, 30, "2026-08-29", true, false)]
    [InlineData(PublicationRule.OnRelease, 0, "2030-01-01", false, false)]
    [InlineData(PublicationRule.OnRelease, 0, "2026-08-01", true, true)]
    public void A_period_is_published_by_its_rule(PublicationRule rule, int days, string today, bool released, bool published)
    {
        var schedule = new IndicatorSchedule("x", 30, null, null, rule, days);

        Assert.Equal(published, schedule.IsPublished(July, DateOnly.Parse(today), released));
    }

    [Fact]
    public void The_publication_date_counts_days_after_the_last_day_as_the_due_date_does()
    {
        var schedule = new IndicatorSchedule("x", 30, null, null, PublicationRule.DaysAfterPeriodEnd, 30);

        Assert.Equal(schedule.DueDate(July), schedule.PublishedFrom(July));
        Assert.Null(new IndicatorSchedule("x", 30, null, null, PublicationRule.OnRelease).PublishedFrom(July));
    }
}

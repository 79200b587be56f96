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

using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Schedule;

namespace Scrutiny.Silo.Tests.Schedule;

public sealed class ReturnStatusRulesTests
{
    // July 2026 with 30 due days: due on 30 August 2026.
    private static readonly IndicatorSchedule Schedule = new("x", 30, LockDays: 10, Target: null);
    private static readonly Period July = Period.Parse("2026-07");

    public static TheoryData<string, string?, int, string, ReturnStatus, bool?> Cases => new()
    {
        // today, first revision at, revisions, why → status, on time
        { "2026-08-30", null, 0, "not received, on the due date", ReturnStatus.Due, null },
        { "2026-08-31", null, 0, "not received, the day after the due date", ReturnStatus.Overdue, null },
        { "2026-12-01", "2026-08-30T23:59:00Z", 1, "received on the due date", ReturnStatus.Submitted, true },
        { "2026-12-01", "2026-08-31T00:00:00Z", 1, "received the day after the due date", ReturnStatus.SubmittedLate, false },
        { "2026-12-01", "2026-08-31T00:30:00+01:00", 1, "the due date in UTC, though the next day in London", ReturnStatus.Submitted, true },
        { "2026-12-01", "2026-08-01T09:00:00Z", 2, "received on time, then corrected", ReturnStatus.Revised, true },
        { "2026-12-01", "2026-09-15T09:00:00Z", 3, "received late, then corrected twice", ReturnStatus.Revised, false },
        { "2026-08-10", "2026-08-05T09:00:00Z", 1, "received before the due date, which has not come yet", ReturnStatus.Submitted, true },
    };

    [Theory, MemberData(nameof(Cases))]
    public void A_return_has_one_status(string today, string? firstAt, int revisions, string why, ReturnStatus status, bool? onTime)
    {
        var receipt = firstAt is null ? null : new Receipt(DateTimeOffset.Parse(firstAt), DateTimeOffset.Parse(firstAt).AddDays(1), revisions);

        Assert.True(status == ReturnStatusRules.StatusOf(Schedule, July, receipt, DateOnly.Parse(today)), why);
        Assert.Equal(onTime, ReturnStatusRules.OnTime(Schedule, July, receipt));
    }

    [Fact]
    public void Statuses_are_written_in_snake_case() =>
        Assert.Equal("[\"due\",\"overdue\",\"submitted\",\"submitted_late\",\"revised\"]",
            System.Text.Json.JsonSerializer.Serialize(Enum.GetValues<ReturnStatus>()));
}

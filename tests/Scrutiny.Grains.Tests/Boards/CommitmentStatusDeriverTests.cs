using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Statistics.Spc;
using static Scrutiny.Grains.Boards.CommitmentStatus;

namespace Scrutiny.Grains.Tests.Boards;

/// <summary>
/// The whole cross-product: milestone states × what a linked indicator's latest point says × overrides. The expected
/// derived status of each cell is written out below, not computed, so that a change to the rule shows up here.
/// </summary>
public sealed class CommitmentStatusDeriverTests
{
    /// <summary>Milestone situations of one commitment.</summary>
    private static readonly Dictionary<string, MilestoneReading[]> Milestones = new()
    {
        ["none"] = [],
        ["all_done"] = [M("a", MilestoneState.Done), M("b", MilestoneState.Done)],
        ["pending"] = [M("a", MilestoneState.Done), M("b", MilestoneState.Pending)],
        ["overdue"] = [M("a", MilestoneState.Pending), M("b", MilestoneState.Overdue)],
        ["missed"] = [M("a", MilestoneState.Overdue), M("b", MilestoneState.Missed)],
    };

    /// <summary>What the linked indicator says: point type, against the wanted direction, assurance, target met.</summary>
    private static readonly Dictionary<string, IndicatorReading[]> Indicators = new()
    {
        ["not_linked"] = [],
        ["no_data"] = [I(WantedDirection.Up, null, null, false)],
        ["common_met"] = [I(WantedDirection.Up, PointType.CommonCause, AssuranceIcon.ConsistentPass, true)],
        ["common_not_met"] = [I(WantedDirection.Up, PointType.CommonCause, AssuranceIcon.Inconsistent, false)],
        ["improvement_not_met"] = [I(WantedDirection.Down, PointType.SpecialCauseImprovement, AssuranceIcon.Inconsistent, false)],
        ["concern_not_met"] = [I(WantedDirection.Down, PointType.SpecialCauseConcern, AssuranceIcon.Inconsistent, false)],
        ["concern_but_met"] = [I(WantedDirection.Up, PointType.SpecialCauseConcern, AssuranceIcon.Inconsistent, true)],
        // No polarity of its own: the commitment's target (above its baseline) says which way is wanted.
        ["neutral_high_towards"] = [I(WantedDirection.Up, PointType.SpecialCauseNeutralHigh, null, false)],
        ["neutral_low_away"] = [I(WantedDirection.Up, PointType.SpecialCauseNeutralLow, null, false)],
        ["neutral_high_away"] = [I(WantedDirection.Down, PointType.SpecialCauseNeutralHigh, null, false)],
        ["consistent_fail"] = [I(WantedDirection.Up, PointType.CommonCause, AssuranceIcon.ConsistentFail, false)],
        // A second linked indicator without a target of its own pulls the commitment off track while work remains, but a
        // commitment that delivered its milestones and met its target is done.
        ["met_and_other_concern"] = [I(WantedDirection.Up, PointType.CommonCause, AssuranceIcon.ConsistentPass, true),
            new IndicatorReading("other", WantedDirection.Down, PointType.SpecialCauseConcern, null, null)],
    };

    // Rows: indicator cases. Columns: none, all_done, pending, overdue, missed.
    private static readonly Dictionary<string, CommitmentStatus[]> Expected = new()
    {
        ["not_linked"] =            [OnTrack,  Done,     OnTrack,  AtRisk,   OffTrack],
        ["no_data"] =               [OnTrack,  OnTrack,  OnTrack,  AtRisk,   OffTrack],
        ["common_met"] =            [Done,     Done,     OnTrack,  AtRisk,   OffTrack],
        ["common_not_met"] =        [OnTrack,  OnTrack,  OnTrack,  AtRisk,   OffTrack],
        ["improvement_not_met"] =   [OnTrack,  OnTrack,  OnTrack,  AtRisk,   OffTrack],
        ["concern_not_met"] =       [OffTrack, OffTrack, OffTrack, OffTrack, OffTrack],
        ["concern_but_met"] =       [Done,     Done,     OffTrack, OffTrack, OffTrack],
        ["neutral_high_towards"] =  [OnTrack,  OnTrack,  OnTrack,  AtRisk,   OffTrack],
        ["neutral_low_away"] =      [OffTrack, OffTrack, OffTrack, OffTrack, OffTrack],
        ["neutral_high_away"] =     [OffTrack, OffTrack, OffTrack, OffTrack, OffTrack],
        ["consistent_fail"] =       [AtRisk,   AtRisk,   AtRisk,   AtRisk,   OffTrack],
        ["met_and_other_concern"] = [Done,     Done,     OffTrack, OffTrack, OffTrack],
    };

    private static readonly string[] MilestoneColumns = ["none", "all_done", "pending", "overdue", "missed"];

    public static TheoryData<string, string, CommitmentStatus?> Cases()
    {
        var data = new TheoryData<string, string, CommitmentStatus?>();
        foreach (var indicator in Indicators.Keys)
            foreach (var milestone in MilestoneColumns)
                foreach (var statusOverride in new CommitmentStatus?[] { null, OnTrack, AtRisk, OffTrack, Done })
                    data.Add(milestone, indicator, statusOverride);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Every_milestone_state_indicator_reading_and_override(string milestones, string indicators, CommitmentStatus? overrideTo)
    {
        var expectedDerived = Expected[indicators][Array.IndexOf(MilestoneColumns, milestones)];
        var statusOverride = overrideTo is { } o ? new StatusOverride(o, "Board judgement at March meeting", "person:7", At) : null;

        var assessment = CommitmentStatusDeriver.Assess(Milestones[milestones], Indicators[indicators], statusOverride);

        Assert.Equal(expectedDerived, assessment.Derived);
        Assert.Equal(overrideTo ?? expectedDerived, assessment.Status);
        Assert.Equal(statusOverride, assessment.Override);
        if (statusOverride is not null)
            Assert.Equal(new StatusReason(StatusReasons.Overridden, "Board judgement at March meeting"), assessment.Reasons[0]);
        else
            Assert.DoesNotContain(assessment.Reasons, r => r.Code == StatusReasons.Overridden);
    }

    [Fact]
    public void The_table_covers_every_point_type_and_milestone_state()
    {
        Assert.Equal(Indicators.Keys.Order(), Expected.Keys.Order());
        var pointTypes = Indicators.Values.SelectMany(r => r).Select(r => r.LatestPointType).OfType<PointType>().ToHashSet();
        Assert.Equal(Enum.GetValues<PointType>().ToHashSet(), pointTypes);
        var states = Milestones.Values.SelectMany(m => m).Select(m => m.State).ToHashSet();
        Assert.Equal(Enum.GetValues<MilestoneState>().ToHashSet(), states);
    }

    [Fact]
    public void Reasons_name_the_milestones_and_indicators_that_decided()
    {
        var assessment = CommitmentStatusDeriver.Assess(Milestones["missed"], Indicators["met_and_other_concern"], null);

        Assert.Equal([new StatusReason(StatusReasons.MilestoneMissed, "b"), new StatusReason(StatusReasons.IndicatorMovingAway, "other")],
            assessment.Reasons);
        Assert.Equal([new StatusReason(StatusReasons.MilestoneOverdue, "b")],
            CommitmentStatusDeriver.Assess(Milestones["overdue"], [], null).Reasons);
        Assert.Equal([new StatusReason(StatusReasons.TargetUnreachable, "headline")],
            CommitmentStatusDeriver.Assess([], Indicators["consistent_fail"], null).Reasons);
    }

    [Theory]
    [InlineData("2026-03-31", null, "2026-03-31", MilestoneState.Pending)]
    [InlineData("2026-03-31", null, "2026-04-01", MilestoneState.Overdue)]
    [InlineData("2026-03-31", null, "2026-04-28", MilestoneState.Overdue)] // 28 days past: still within the grace
    [InlineData("2026-03-31", null, "2026-04-29", MilestoneState.Missed)]  // 29 days past: a meeting has gone by
    [InlineData("2026-03-31", "2026-05-30", "2026-06-01", MilestoneState.Done)] // late, but done is done
    public void A_milestone_is_missed_once_more_than_the_grace_has_passed(string due, string? completed, string today, MilestoneState expected) =>
        Assert.Equal(expected, MilestoneStates.Of(DateOnly.Parse(due), completed is null ? null : DateOnly.Parse(completed), DateOnly.Parse(today)));

    private static readonly DateTimeOffset At = new(2026, 3, 12, 10, 0, 0, TimeSpan.Zero);

    private static MilestoneReading M(string id, MilestoneState state) => new(id, state);

    private static IndicatorReading I(WantedDirection wanted, PointType? pointType, AssuranceIcon? assurance, bool? met) =>
        new("headline", wanted, pointType, assurance, met);
}

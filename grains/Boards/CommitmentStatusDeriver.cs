using Scrutiny.Grains.Statistics.Spc;

namespace Scrutiny.Grains.Boards;

/// <summary>
/// Derives a commitment's status from its milestones and its linked indicators, then applies an override.
/// The rule, first match wins:
/// <list type="number">
/// <item><b>Done</b> when every milestone is done and every target is met by the indicator's latest value. A
/// commitment with neither milestones nor a target is never done by derivation: there is nothing to show for it.</item>
/// <item><b>Off track</b> when a milestone is missed (more than <see cref="MilestoneStates.MissedAfterDays"/> days
/// past due and not done), or a linked indicator's latest point is a special cause moving away from where the
/// commitment wants it (a concern, or a neutral high or low the wrong way for an indicator without polarity).</item>
/// <item><b>At risk</b> when a milestone is overdue (past due, within the grace), or an indicator's assurance is
/// <see cref="AssuranceIcon.ConsistentFail"/>: its process limits lie wholly on the wrong side of the target, so the
/// target will not be met without a change in the system. <see cref="AssuranceIcon.Inconsistent"/> (met in some
/// periods, missed in others) is how most targets stand while a plan works, and alone says nothing against it.</item>
/// <item><b>On track</b> otherwise.</item>
/// </list>
/// An override replaces the status the board sees, never the derived one, which is reported beside it.
/// </summary>
public static class CommitmentStatusDeriver
{
    public static StatusAssessment Assess(
        IReadOnlyList<MilestoneReading> milestones, IReadOnlyList<IndicatorReading> indicators, StatusOverride? statusOverride)
    {
        var (derived, reasons) = Derive(milestones, indicators);
        if (statusOverride is null) return new StatusAssessment(derived, derived, reasons, null);
        return new StatusAssessment(statusOverride.Status, derived,
            [new StatusReason(StatusReasons.Overridden, statusOverride.Reason), .. reasons], statusOverride);
    }

    private static (CommitmentStatus, IReadOnlyList<StatusReason>) Derive(
        IReadOnlyList<MilestoneReading> milestones, IReadOnlyList<IndicatorReading> indicators)
    {
        var targets = indicators.Where(i => i.TargetMet is not null).ToList();
        var somethingToShow = milestones.Count > 0 || targets.Count > 0;
        if (somethingToShow && milestones.All(m => m.State == MilestoneState.Done) && targets.All(i => i.TargetMet == true))
            return (CommitmentStatus.Done, [new StatusReason(StatusReasons.AllDelivered, "")]);

        var offTrack = new List<StatusReason>();
        offTrack.AddRange(Milestones(milestones, MilestoneState.Missed, StatusReasons.MilestoneMissed));
        offTrack.AddRange(indicators.Where(i => i.MovingAway).Select(i => new StatusReason(StatusReasons.IndicatorMovingAway, i.Indicator)));
        if (offTrack.Count > 0) return (CommitmentStatus.OffTrack, offTrack);

        var atRisk = new List<StatusReason>();
        atRisk.AddRange(Milestones(milestones, MilestoneState.Overdue, StatusReasons.MilestoneOverdue));
        atRisk.AddRange(indicators.Where(i => i.Assurance == AssuranceIcon.ConsistentFail)
            .Select(i => new StatusReason(StatusReasons.TargetUnreachable, i.Indicator)));
        if (atRisk.Count > 0) return (CommitmentStatus.AtRisk, atRisk);

        return (CommitmentStatus.OnTrack, []);
    }

    private static IEnumerable<StatusReason> Milestones(IReadOnlyList<MilestoneReading> milestones, MilestoneState state, string code) =>
        milestones.Where(m => m.State == state).Select(m => new StatusReason(code, m.Id));
}

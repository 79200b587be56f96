using Scrutiny.Grains.Boards;

namespace Scrutiny.Dashboard.Presentation;

/// <summary>Why a commitment has its status, in words: the derivation's reason codes, with what each concerns named.</summary>
public static class StatusReasonWords
{
    /// <param name="subject">The milestone's title or the indicator's title, as the page knows them.</param>
    public static string Describe(string code, string subject) => code switch
    {
        StatusReasons.MilestoneMissed => $"Milestone missed: {subject}",
        StatusReasons.MilestoneOverdue => $"Milestone overdue: {subject}",
        StatusReasons.IndicatorMovingAway => $"{subject} shows special-cause variation away from where the commitment wants it",
        StatusReasons.TargetUnreachable => $"{subject} will consistently miss the target unless something changes",
        StatusReasons.AllDelivered => "Every milestone done and every target met",
        StatusReasons.Overridden => $"Set by the board: {subject}",
        _ => $"{code} {subject}".Trim(),
    };

    /// <summary>
    /// A recorded status change's reason: an override's as the person wrote it, else the rules' codes (written
    /// "code subject; code subject" by the board grain) in words.
    /// </summary>
    public static string Recorded(StatusChange change, Func<string, string> subjectName)
    {
        if (change.Overridden || string.IsNullOrWhiteSpace(change.Reason)) return change.Reason ?? "";
        return string.Join("; ", change.Reason.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var pieces = part.Split(' ', 2);
            return Describe(pieces[0], pieces.Length > 1 ? subjectName(pieces[1]) : "");
        }));
    }
}

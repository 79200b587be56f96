namespace Scrutiny.Silo.Schedule;

/// <summary>
/// One return an agency owes: it sits on a partnership board of <see cref="Place"/> and <see cref="Indicator"/> is
/// assigned to it. What the ledger holds for it, and its status by the indicator's schedule.
/// </summary>
/// <param name="LockedFrom">The first day the period is locked by the schedule; null if it never locks.</param>
/// <param name="Locked">Whether the agency is locked out today, after any reopening for it.</param>
/// <param name="OnTime">Whether revision 1 arrived by the due date; null when nothing has arrived.</param>
/// <param name="SubmittedAt">When revision 1 arrived.</param>
/// <param name="LastSubmittedAt">When the latest revision arrived.</param>
/// <param name="Revisions">How many revisions the ledger holds; 0 when nothing has arrived.</param>
public sealed record ExpectedReturn(
    string Place, string Indicator, string Period, string Agency, DateOnly DueDate, DateOnly? LockedFrom, bool Locked,
    ReturnStatus Status, bool? OnTime, DateTimeOffset? SubmittedAt, DateTimeOffset? LastSubmittedAt, int Revisions)
{
    public bool Received => Revisions > 0;
}

namespace Scrutiny.Grains.Boards;

/// <summary>Where a milestone stands on a given day.</summary>
[GenerateSerializer]
public enum MilestoneState
{
    /// <summary>Not done, and its due date has not passed.</summary>
    Pending,

    /// <summary>Not done, due date passed, but within <see cref="MilestoneStates.MissedAfterDays"/>.</summary>
    Overdue,

    /// <summary>Not done, more than <see cref="MilestoneStates.MissedAfterDays"/> past its due date.</summary>
    Missed,

    Done,
}

public static class MilestoneStates
{
    /// <summary>
    /// Days past its due date after which an undone milestone counts as missed rather than overdue: four weeks, the
    /// usual interval between a partnership board's meetings, so a milestone is missed once a meeting has gone by
    /// without it.
    /// </summary>
    public const int MissedAfterDays = 28;

    public static MilestoneState Of(DateOnly due, DateOnly? completedOn, DateOnly today)
    {
        if (completedOn is not null) return MilestoneState.Done;
        if (today <= due) return MilestoneState.Pending;
        return today.DayNumber - due.DayNumber > MissedAfterDays ? MilestoneState.Missed : MilestoneState.Overdue;
    }
}

/// <summary>A milestone's id and where it stands, as the status derivation reads it.</summary>
[GenerateSerializer, Immutable]
public sealed record MilestoneReading(string Id, MilestoneState State);

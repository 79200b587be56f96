using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Schedule;

public static class RecentPeriods
{
    /// <summary>
    /// The last <paramref name="count"/> periods of <paramref name="frequency"/> that have ended by
    /// <paramref name="today"/>, newest first: the ones a return can be owed for.
    /// </summary>
    public static IReadOnlyList<Period> EndedBy(DateOnly today, Frequency frequency, int count)
    {
        var periods = new List<Period>(count);
        var current = Period.Containing(today, frequency);
        for (var i = 0; i < count; i++)
        {
            current = current.Previous();
            periods.Add(current);
        }
        return periods;
    }
}

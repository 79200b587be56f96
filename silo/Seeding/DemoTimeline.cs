namespace Scrutiny.Silo.Seeding;

/// <summary>
/// The steps of a demo story, each at its moment, run oldest first with the clock set to each step's moment, so that
/// a story written record by record (a commitment, then its milestone done months later) happens in the order of its
/// dates. A step may add later steps (one that needs an id the earlier step made). No step is later than the seed's
/// now, since a story never records the future, nor earlier than the step that added it, since the clock never goes back.
/// </summary>
public sealed class DemoTimeline(DateTimeOffset now)
{
    private readonly PriorityQueue<Func<Task>, (DateTimeOffset At, int Order)> _steps = new();
    private DateTimeOffset _current = DateTimeOffset.MinValue;
    private int _added;

    public DateOnly Today => DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>Adds a step on a day at an hour (UTC).</summary>
    public void On(DateOnly day, int hour, Func<Task> step) =>
        Add(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero), step);

    /// <summary>Adds a step at the seed's now.</summary>
    public void AtNow(Func<Task> step) => Add(now, step);

    private void Add(DateTimeOffset at, Func<Task> step)
    {
        if (at > now) at = now;
        if (at < _current) at = _current;
        // Steps at the same moment keep the order they were added in.
        _steps.Enqueue(step, (at, _added++));
    }

    public async Task RunAsync(DemoClock clock)
    {
        while (_steps.TryDequeue(out var step, out var when))
        {
            _current = clock.Now = when.At;
            await step();
        }
        clock.Now = now;
    }
}

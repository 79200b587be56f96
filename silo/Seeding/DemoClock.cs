namespace Scrutiny.Silo.Seeding;

/// <summary>
/// A clock the seed sets to the moment of each step of its story, so that what the demo records (updates, responses,
/// fund entries, statuses, audit rows) is dated across the past year or two as a real board's would be, rather than all
/// at the moment of seeding. It never runs on by itself.
/// </summary>
public sealed class DemoClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    // Days are UTC days, as the store keeps them.
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

namespace Scrutiny.Silo.Store;

/// <summary>
/// Whether the store was out at the last attempt, so that pages served from grains' memory say their figures may be
/// out of date. Set by a request that met an outage; cleared by <see cref="StoreStatusProbe"/> once the store answers
/// again.
/// </summary>
public sealed class StoreStatus(TimeProvider time)
{
    private long _unavailableSinceTicks;

    public DateTimeOffset? UnavailableSince =>
        Interlocked.Read(ref _unavailableSinceTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public bool Unavailable => UnavailableSince is not null;

    public void MarkUnavailable() => Interlocked.CompareExchange(ref _unavailableSinceTicks, time.GetUtcNow().UtcTicks, 0);

    internal void MarkAvailable() => Interlocked.Exchange(ref _unavailableSinceTicks, 0);
}

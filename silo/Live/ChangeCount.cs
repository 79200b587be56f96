namespace Scrutiny.Silo.Live;

/// <summary>
/// A number that moves whenever something a page shows may have changed on this node: each change its feed hears
/// (<see cref="ChangeFeed"/>, before any listener), its feed restored after it may have missed some, its copy of the
/// catalogue dropped or read again (<see cref="Store.NodeCatalogue"/>), and each request that may write, as it starts,
/// as it answers and as it ends (the dashboard's page cache). A copy of a page kept under one count is never served
/// under another.
/// </summary>
public sealed class ChangeCount
{
    private long _count;

    public long Current => Interlocked.Read(ref _count);

    public void Moved() => Interlocked.Increment(ref _count);
}

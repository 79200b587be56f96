using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Runtime;

namespace Scrutiny.Silo.Committees;

/// <summary>
/// Tells open pages that a committee's records changed (<c>committee:{id}</c>), and a board's pages when the record is
/// addressed to the board (its meeting view lists what awaits its response). On PostgreSQL other nodes hear too.
/// </summary>
public sealed class CommitteeChanges(ChangeFeed feed, GrainRuntime runtime, TimeProvider time)
{
    public void Publish(string committeeId, Addressee? addressee = null)
    {
        var groups = new List<string> { ChangeGroups.Committee(committeeId) };
        if (addressee is { Kind: AddresseeKind.Board }) groups.Add(ChangeGroups.Board(addressee.Code));
        feed.Publish(new Change(ChangeKinds.Committee, new Dictionary<string, string> { [ChangeKeys.Committee] = committeeId }, groups, null, null,
            time.GetUtcNow()) { Origin = runtime.NodeId });
    }
}

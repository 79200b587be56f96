using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;

namespace Scrutiny.Silo.Committees;

/// <summary>
/// Tells open pages that a committee's records changed (<c>committee:{id}</c>), and a board's pages when the record is
/// addressed to the board (its meeting view lists what awaits its response), on every node.
/// </summary>
public sealed class CommitteeChanges(IChangeFeed feed, TimeProvider time)
{
    public Task PublishAsync(string committeeId, Addressee? addressee = null)
    {
        var groups = new List<string> { ChangeGroups.Committee(committeeId) };
        if (addressee is { Kind: AddresseeKind.Board }) groups.Add(ChangeGroups.Board(addressee.Code));
        return feed.PublishAsync(new Change(ChangeKinds.Committee, new Dictionary<string, string> { [ChangeKeys.Committee] = committeeId }, groups,
            null, null, time.GetUtcNow()));
    }
}

using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;

namespace Scrutiny.Silo.Security;

/// <summary>This node's ear for <see cref="AccessRevocations"/> made on any node: it evicts what the notice names.</summary>
public sealed class AccessRevocationListener(AccessRevocations revocations) : IChangeListener
{
    public ValueTask OnChangedAsync(Change change, CancellationToken cancellationToken)
    {
        revocations.Apply(change);
        return ValueTask.CompletedTask;
    }
}

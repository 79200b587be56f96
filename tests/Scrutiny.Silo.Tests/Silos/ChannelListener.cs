using System.Threading.Channels;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;

namespace Scrutiny.Silo.Tests.Silos;

/// <summary>A node's listener that writes every change it hears to a channel, for a test to read in order.</summary>
internal sealed class ChannelListener(ChannelWriter<Change> writer) : IChangeListener
{
    public ValueTask OnChangedAsync(Change change, CancellationToken cancellationToken) => writer.WriteAsync(change, cancellationToken);
}

namespace Scrutiny.Grains.Runtime;

public sealed class GrainRuntimeOptions
{
    /// <summary>An activation unused for this long is deactivated; its state stays in the store.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many times a call that lost a write race to another node is reloaded and retried.
    /// Generous, because under contention from N nodes each retry can lose again.
    /// </summary>
    public int MaxConflictRetries { get; set; } = 100;

    /// <summary>Names this node in published changes, so that a node can ignore its own echoes.</summary>
    public string NodeId { get; set; } = $"node-{Guid.NewGuid():N}";
}

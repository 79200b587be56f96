namespace Scrutiny.Grains.Runtime;

/// <summary>One grain instance on this node, with the gate that makes its calls run one turn at a time.</summary>
internal sealed class Activation(Grain grain)
{
    /// <summary>Held for the whole of a call, awaits included: turns never interleave.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public Grain Grain { get; } = grain;

    /// <summary>Set (under the gate) when the activation is collected; a caller that finds it set looks again.</summary>
    public bool Deactivated { get; set; }

    /// <summary>Set when the stored state may be newer than ours (another node changed it, or a call failed).</summary>
    public volatile bool Stale = true;

    public bool Activated { get; set; }

    public long LastUsed { get; set; }
}

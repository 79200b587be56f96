namespace Scrutiny.Grains.Runtime;

/// <summary>
/// Base of every grain class. The runtime creates one instance per grain type and key on a node, and runs its
/// calls one turn at a time, so a grain's own fields never need locks.
/// </summary>
public abstract class Grain
{
    private GrainContext? _context;

    /// <summary>The key the grain was activated with, such as <c>E08000003/emergency-admissions-65plus</c>.</summary>
    public string Key => Context.Key;

    protected IGrainFactory GrainFactory => Context.Factory;

    protected TimeProvider Time => Context.Time;

    private protected GrainContext Context =>
        _context ?? throw new InvalidOperationException("The grain has not been activated by a runtime.");

    internal void Attach(GrainContext context) => _context = context;

    /// <summary>Publishes a change to this node's observers (and, through the silo's feed, to other nodes).</summary>
    protected void Publish(Change change) => Context.Changes.Publish(change with { Origin = Context.NodeId });

    /// <summary>
    /// Called before the first call of an activation, after its state is loaded, and again whenever the state is
    /// reloaded (another node changed it, a call failed, or what the grain read here changed).
    /// </summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called when the activation is collected as idle.</summary>
    public virtual Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Loads persisted state, if the grain has any. Called on activation and after a failed call.</summary>
    internal virtual Task LoadStateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What the runtime gives an activation.</summary>
internal sealed record GrainContext(
    string GrainType, string Key, IGrainFactory Factory, IGrainStateStore Store, IChangeFeed Changes,
    TimeProvider Time, string NodeId);

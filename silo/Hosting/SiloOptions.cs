namespace Scrutiny.Silo.Hosting;

/// <summary>Settings under <c>Scrutiny:Silo</c>.</summary>
public sealed class SiloOptions
{
    /// <summary>Seed the demo data when the embedded database file is created. Tests turn this off.</summary>
    public bool SeedDemoWhenNew { get; set; } = true;

    /// <summary>Seconds after which an idle grain activation is deactivated.</summary>
    public int IdleTimeoutSeconds { get; set; } = 900;

    /// <summary>
    /// This node's name, the same across restarts and different from every other node's on the same store: a
    /// restarted node takes over at once what its previous process left. Empty: the machine's name.
    /// </summary>
    public string? NodeName { get; set; }

    /// <summary>Seconds a node instance counts as alive after its last heartbeat; then other nodes take over its work.</summary>
    public int NodeLeaseSeconds { get; set; } = 15;
}

namespace Scrutiny.Silo.Hosting;

/// <summary>Settings under <c>Scrutiny:Silo</c>.</summary>
public sealed class SiloOptions
{
    /// <summary>Seed the demo data when the embedded database file is created. Tests turn this off.</summary>
    public bool SeedDemoWhenNew { get; set; } = true;

    /// <summary>Seconds after which an idle grain activation is deactivated.</summary>
    public int IdleTimeoutSeconds { get; set; } = 900;
}

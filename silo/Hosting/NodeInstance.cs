namespace Scrutiny.Silo.Hosting;

/// <summary>
/// This process as the store knows it: <paramref name="Id"/> is new every start, so that what a crashed process held
/// can be told from what this one holds; <paramref name="Name"/> stays across restarts (<c>Scrutiny:Silo:NodeName</c>,
/// the machine's name by default), so that a restarted node knows its own predecessor is dead.
/// </summary>
public sealed record NodeInstance(string Id, string Name)
{
    public static NodeInstance Start(SiloOptions options) =>
        new(Guid.CreateVersion7().ToString("N"), string.IsNullOrWhiteSpace(options.NodeName) ? Environment.MachineName : options.NodeName);
}

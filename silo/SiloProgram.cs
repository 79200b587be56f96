using Scrutiny.Silo.Hosting;

namespace Scrutiny.Silo;

/// <summary>
/// The silo executable: a headless node (no arguments), or an admin command (<c>migrate</c>, <c>seed-demo</c>,
/// <c>api-key create --agency CODE | --admin</c>) against the same store the dashboard uses.
/// </summary>
public static class SiloProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && !args[0].StartsWith('-')) return await AdminCommands.RunAsync(args);
        await SiloNode.Build(args).RunAsync();
        return 0;
    }
}

using System.Reflection;

namespace Scrutiny.Load;

/// <summary>Where the dashboard this tool was built with lies, and in which configuration (the JSON line reports it).</summary>
public static class BuildOutput
{
    public static string Configuration { get; } = Metadata("Configuration");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string DashboardAssembly => Existing(Path.Combine(Metadata("DashboardOutput"), "Scrutiny.Dashboard.dll"));

    /// <summary>The silo's admin commands (<c>api-key create --admin</c>), beside the dashboard.</summary>
    public static string SiloAssembly => Existing(Path.Combine(Metadata("DashboardOutput"), "Scrutiny.Silo.dll"));

    private static string Existing(string path) => File.Exists(path)
        ? path
        : throw new FileNotFoundException($"{path} is missing: build the solution in {Configuration} first.", path);

    private static string Metadata(string key) =>
        typeof(BuildOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

using System.Reflection;

namespace Scrutiny.Cluster.Tests.Infrastructure;

/// <summary>Where the dashboard this project was built with lies (its own output folder, as `dotnet build` left it), and the repository.</summary>
public static class BuildOutput
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>The dashboard's output folder: <c>Scrutiny.Dashboard.dll</c>, and the silo's admin commands in <c>Scrutiny.Silo.dll</c>.</summary>
    public static string Dashboard { get; } = Metadata("DashboardOutput");

    public static string DashboardAssembly => Existing(Path.Combine(Dashboard, "Scrutiny.Dashboard.dll"));

    public static string SiloAssembly => Existing(Path.Combine(Dashboard, "Scrutiny.Silo.dll"));

    /// <summary>This run's folder for node logs, under <c>.testdata/cluster-tests</c> (kept after the run, to read).</summary>
    public static string LogFolder(string name)
    {
        var folder = Path.Combine(RepositoryRoot, ".testdata", "cluster-tests", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{name}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Existing(string path) => File.Exists(path)
        ? path
        : throw new FileNotFoundException($"{path} is missing: build the solution first (dotnet build Scrutiny.sln, as ./test.sh does).", path);

    private static string Metadata(string key) =>
        typeof(BuildOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

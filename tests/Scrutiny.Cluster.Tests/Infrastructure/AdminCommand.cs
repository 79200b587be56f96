using System.Diagnostics;
using Scrutiny.Silo.Store;

namespace Scrutiny.Cluster.Tests.Infrastructure;

/// <summary>The silo's admin commands (<c>seed-demo</c>, <c>api-key create</c>), run as an operator runs them: a separate process on the store.</summary>
public static class AdminCommand
{
    /// <returns>The command's last line of standard output: what it made (a key), as the commands print it.</returns>
    public static async Task<string> RunAsync(string connectionString, string logPath, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(logPath)! };
        start.ArgumentList.Add(BuildOutput.SiloAssembly);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("Scrutiny__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(inherited);
        start.Environment[$"ConnectionStrings__{StoreOptions.ConnectionStringName}"] = connectionString;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // The output holds keys and passwords: it goes to the test's own folder, never to the shared test log.
        await File.AppendAllTextAsync(logPath, $"$ silo {string.Join(' ', args)}{Environment.NewLine}{output}{await error}exit {process.ExitCode}{Environment.NewLine}");
        if (process.ExitCode != 0) throw new InvalidOperationException($"silo {string.Join(' ', args)} exited with {process.ExitCode}: see {logPath}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }
}

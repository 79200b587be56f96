using System.Diagnostics;

namespace Scrutiny.Load;

/// <summary>An administrator's API key, made as an operator makes one: <c>silo api-key create --admin</c> on the store.</summary>
public static class AdminKey
{
    public static async Task<string> CreateAsync(string connectionString)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { BuildOutput.SiloAssembly, "api-key", "create", "--admin", "--label", "load" }) start.ArgumentList.Add(arg);
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
                     || k.StartsWith("Scrutiny__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(inherited);
        start.Environment["ConnectionStrings__Scrutiny"] = connectionString;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // The output holds the key: it is never printed; only the error stream is, on failure.
        if (process.ExitCode != 0) throw new InvalidOperationException($"silo api-key create --admin exited with {process.ExitCode}: {await error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }
}

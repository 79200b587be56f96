using System.Diagnostics;
using Scrutiny.Silo.Store;

namespace Scrutiny.Tests.Infrastructure;

/// <summary>The silo executable's admin commands, run as a user runs them: a separate process on a test database.</summary>
public static class SiloCommand
{
    public static async Task<(int ExitCode, string[] Lines)> RunAsync(TestDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Scrutiny.Silo.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment[$"ConnectionStrings__{StoreOptions.ConnectionStringName}"] = database.ConnectionString;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await error;
        await process.WaitForExitAsync();
        return (process.ExitCode, output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}

using System.Diagnostics;
using System.Net;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Reliability;

/// <summary>
/// The built silo executable as a separate process on a free 127.0.0.1 port: the only way to test what a
/// <c>kill -9</c> leaves behind, since an in-process node cannot die without taking the test with it.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private SiloProcess(Process process, Uri address)
    {
        (_process, Address) = (process, address);
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>Built next to the tests, with the same configuration (Debug or Release).</summary>
    public static string SiloDll { get; } = Locate();

    /// <param name="nodeName">Kept across restarts, as a container's or host's name is, so the node knows its own past.</param>
    /// <param name="settings">Further configuration, as environment variables (<c>Scrutiny__FaultInjection__…</c>, say).</param>
    public static async Task<SiloProcess> StartAsync(string connectionString, string nodeName, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = Scrutiny.Silo.Cluster.FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { SiloDll, "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(SiloDll)!,
        };
        foreach (var (key, value) in TestDatabase.NodeSettingsFor(connectionString)) start.Environment[key.Replace(":", "__")] = value;
        start.Environment["Scrutiny__Silo__NodeName"] = nodeName;
        // The clients retry hard while the node is down; the rate limit is not what is under test.
        start.Environment["Scrutiny__Returns__RequestsPerMinute"] = "1000000";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var silo = new SiloProcess(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await silo.WaitUntilReadyAsync(cancellationToken);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>kill -9: no shutdown hooks, no flushing, requests cut mid-flight.</summary>
    public void KillHard()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Waits for the process to end by itself (a fault injected into it, say).</summary>
    public Task ExitedAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public string LastOutput()
    {
        lock (_lastLines) return string.Join('\n', _lastLines);
    }

    public ValueTask DisposeAsync()
    {
        KillHard();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The silo exited with {_process.ExitCode}:\n{LastOutput()}");
            try
            {
                if ((await http.GetAsync("/health/ready", cancellationToken)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { /* starting slowly */ }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException($"The silo was not ready within 90 s:\n{LastOutput()}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40) _lastLines.Dequeue();
        }
    }

    private static string Locate()
    {
        // tests/Scrutiny.Silo.Tests/bin/<configuration>/net10.0 → silo/bin/<configuration>/net10.0
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Scrutiny.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No Scrutiny.sln above {AppContext.BaseDirectory}");
        var dll = Path.Combine(root.FullName, "silo", "bin", configuration, framework, "Scrutiny.Silo.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: the silo executable is missing.", dll);
    }
}

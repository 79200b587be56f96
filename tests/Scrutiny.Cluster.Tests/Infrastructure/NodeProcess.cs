using System.Collections.Concurrent;
using System.Diagnostics;
using Scrutiny.Silo.Cluster;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Cluster.Tests.Infrastructure;

/// <summary>
/// One dashboard node as an operating-system process: `dotnet Scrutiny.Dashboard.dll` on 127.0.0.1 with its own ports and
/// name, its output appended to a log file. Killed (SIGKILL), stopped (SIGTERM, as an orchestrator stops a container) and
/// started again with the same name and ports, as a machine's node restarts.
/// </summary>
public sealed class NodeProcess
{
    /// <summary>How long a node may take to answer <c>/health/ready</c> (a loaded machine, two other builds running).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    // Every node this test process started and has not seen end: killed when the test process exits, whatever ends it
    // short of SIGKILL (a SIGKILLed test host is covered by each node's watchdog).
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    static NodeProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Values)
            try { process.Kill(); } catch (InvalidOperationException) { /* already gone */ }
    };

    private readonly IReadOnlyDictionary<string, string> _environment;
    private Process? _process;

    public NodeProcess(int number, string logFolder, IReadOnlyDictionary<string, string> settings)
    {
        Number = number;
        Name = $"node-{number}";
        HttpPort = FreePorts.Next();
        SiloPort = FreePorts.Next();
        GatewayPort = FreePorts.Next();
        Address = new Uri($"http://127.0.0.1:{HttpPort}");
        LogPath = Path.Combine(logFolder, $"{Name}.log");
        WorkingDirectory = Directory.CreateDirectory(Path.Combine(logFolder, Name)).FullName;
        _environment = new Dictionary<string, string>(settings)
        {
            ["Scrutiny__Silo__NodeName"] = Name,
            ["Scrutiny__Cluster__SiloPort"] = SiloPort.ToString(),
            ["Scrutiny__Cluster__GatewayPort"] = GatewayPort.ToString(),
        };
    }

    public int Number { get; }
    public string Name { get; }
    public int HttpPort { get; }
    public int SiloPort { get; }
    public int GatewayPort { get; }
    public Uri Address { get; }
    public string LogPath { get; }
    public string WorkingDirectory { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the process and waits until it answers <c>/health/ready</c>.</summary>
    public async Task StartAsync()
    {
        if (IsRunning) throw new InvalidOperationException($"{Name} is running already.");
        File.AppendAllText(LogPath, $"{Environment.NewLine}===== {Name} starting at {DateTimeOffset.UtcNow:O} ====={Environment.NewLine}");
        // bash execs dotnet, so the process id is the node's own: what kill -9 and SIGTERM are sent to.
        var start = new ProcessStartInfo("bash") { WorkingDirectory = WorkingDirectory, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", "exec dotnet \"$0\" --urls \"$1\" >>\"$2\" 2>&1", BuildOutput.DashboardAssembly, Address.ToString().TrimEnd('/'), LogPath })
            start.ArgumentList.Add(arg);
        // What this test process was given for itself (its own URLs, a developer's store) is not the node's.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                     || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("Scrutiny__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(inherited);
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
        process.StandardInput.Close();
        _process = process;
        Running[process.Id] = process;
        ProcessWatchdog.Watch(process.Id);
        await WaitReadyAsync(process);
    }

    /// <summary>kill -9: no shutdown of any kind, as a machine that loses power.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process) return;
        try { process.Kill(); } catch (InvalidOperationException) { /* already gone */ }
        await process.WaitForExitAsync();
        Forget(process);
    }

    /// <summary>SIGTERM, as an orchestrator stops a container: the node shuts down gracefully, or is killed after <paramref name="grace"/>.</summary>
    public async Task<bool> TerminateAsync(TimeSpan grace)
    {
        if (_process is not { } process) return true;
        if (process.HasExited) { Forget(process); return true; }
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(grace);
        var graceful = true;
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            graceful = false;
            await KillAsync();
        }
        Forget(process);
        return graceful;
    }

    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    /// <summary>The end of the node's log, for a failure message.</summary>
    public string LogTail(int lines = 40) =>
        File.Exists(LogPath) ? string.Join(Environment.NewLine, File.ReadLines(LogPath).TakeLast(lines)) : "(no log)";

    private async Task WaitReadyAsync(Process process)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} while starting; {LogPath}:{Environment.NewLine}{LogTail()}");
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy starting */ }
            await Task.Delay(250);
        }
        await KillAsync();
        throw new TimeoutException($"{Name} was not ready within {StartTimeout.TotalSeconds} s; {LogPath}:{Environment.NewLine}{LogTail()}");
    }

    private static void Forget(Process process) => Running.TryRemove(process.Id, out _);
}

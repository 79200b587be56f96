using System.Diagnostics;
using Scrutiny.Silo.Cluster;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Load;

/// <summary>
/// The product under load: <c>dotnet Scrutiny.Dashboard.dll</c> as its own process (the dashboard hosts the silo), configured
/// by environment variables as a deployment is, on 127.0.0.1, its output in a log file that is shown if it fails.
/// </summary>
public sealed class ProductNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;

    private ProductNode(Process process, Uri address, string logPath) => (_process, Address, LogPath) = (process, address, logPath);

    public Uri Address { get; }
    public string LogPath { get; }

    /// <summary>How long the process took from its start to its first ready answer.</summary>
    public TimeSpan StartedIn { get; private set; }

    private bool _stopped;

    /// <param name="idleTimeoutSeconds">The silo's <c>Scrutiny:Silo:IdleTimeoutSeconds</c> (the product's default, 15 minutes, when null).</param>
    /// <param name="keepPagesSeconds">The dashboard's <c>Scrutiny:PageCache:KeepForSeconds</c> (the product's default, 1 s, when null).</param>
    public static async Task<ProductNode> StartAsync(string connectionString, string folder, int? storePool, int? idleTimeoutSeconds = null,
        double? keepPagesSeconds = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var logPath = Path.Combine(folder, "product.log");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardInput = true,
            RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { BuildOutput.DashboardAssembly, "--urls", address.ToString().TrimEnd('/') }) start.ArgumentList.Add(arg);
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                     || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("Scrutiny__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(inherited);
        foreach (var (key, value) in Settings(connectionString)) start.Environment[key] = value;
        if (storePool is { } pool) start.Environment["Scrutiny__Store__MaxPoolSize"] = pool.ToString();
        if (idleTimeoutSeconds is { } idle) start.Environment["Scrutiny__Silo__IdleTimeoutSeconds"] = idle.ToString();
        if (keepPagesSeconds is { } keep) start.Environment["Scrutiny__PageCache__KeepForSeconds"] = keep.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ProcessWatchdog.Watch(process.Id);
        var node = new ProductNode(process, address, logPath);
        await node.WaitReadyAsync();
        return node;
    }

    /// <summary>
    /// A fresh store without the demo, and an Orleans silo on free ports. The per-client budgets are raised: every client
    /// here shares one address (127.0.0.1) and the deadline's agencies post far faster than a person, on purpose.
    /// </summary>
    private static Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["ConnectionStrings__Scrutiny"] = connectionString,
        ["Scrutiny__Silo__SeedDemoWhenNew"] = "false",
        ["Scrutiny__Silo__NodeName"] = "load",
        ["Scrutiny__Cluster__SiloPort"] = FreePorts.Next().ToString(),
        ["Scrutiny__Cluster__GatewayPort"] = FreePorts.Next().ToString(),
        ["Scrutiny__Returns__RequestsPerMinute"] = "1000000",
        ["Scrutiny__RateLimits__PageRequestsPerMinute"] = "1000000",
        ["Scrutiny__RateLimits__ApiReadsPerMinute"] = "1000000",
        ["Scrutiny__RateLimits__AnonymousApiReadsPerMinute"] = "1000000",
    };

    /// <summary>The process's resident memory now (VmRSS), in MB.</summary>
    public double RssMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        return 0;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The product's process, for its CPU time (<see cref="CpuTimes"/>).</summary>
    public int ProcessId => _process.Id;

    public string LogTail(int lines = 40) => string.Join(Environment.NewLine, File.ReadLines(LogPath).TakeLast(lines));

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the product exited with code {_process.ExitCode} while starting; {LogPath}:{Environment.NewLine}{LogTail()}");
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode) { StartedIn = clock.Elapsed; return; }
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy starting */ }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the product was not ready within {StartTimeout.TotalSeconds} s; {LogPath}:{Environment.NewLine}{LogTail()}");
    }

    /// <summary>SIGTERM, as an orchestrator stops it; killed if it has not stopped in 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        // Stopped already (the memory scenario stops the first node to start a second over the same store).
        if (_stopped) return;
        _stopped = true;
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await term.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException) { _process.Kill(); await _process.WaitForExitAsync(); }
        }
        _process.Dispose();
    }
}

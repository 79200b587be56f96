using System.Diagnostics;

namespace Scrutiny.Tests.Infrastructure;

/// <summary>
/// A shell loop that outlives the process that starts it: if that process is killed outright (a hang timeout, test.sh's
/// timeout, a developer's kill -9), nothing in it runs any more, and the watchdog kills the child it was started for
/// rather than leave it holding its ports and database. Shared by the cluster tests' nodes and the load tool's product.
/// </summary>
public static class ProcessWatchdog
{
    public static void Watch(int child)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var arg in new[] { "-c", "exec >/dev/null 2>&1; while kill -0 \"$0\" && kill -0 \"$1\"; do sleep 1; done; kill -9 \"$1\"",
                     Environment.ProcessId.ToString(), child.ToString() })
            start.ArgumentList.Add(arg);
        using var watchdog = Process.Start(start);
        watchdog?.StandardInput.Close();
    }
}

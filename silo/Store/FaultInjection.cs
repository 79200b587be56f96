using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Scrutiny.Silo.Store;

/// <summary>
/// Crash points for the reliability tests, off unless configured: <c>Scrutiny:FaultInjection:KillAfterGrainWrites</c>
/// = N kills this process (SIGKILL, as <c>kill -9</c> does) the moment its N-th write has committed, before the caller
/// hears of it: the one moment a random kill rarely hits. A write is a grain's state write or a batch's ledger entries
/// (committed for all its grains at once). Never set outside a test.
/// </summary>
public sealed class FaultInjection(IConfiguration configuration)
{
    public const string KillAfterGrainWritesKey = "Scrutiny:FaultInjection:KillAfterGrainWrites";

    private readonly int _killAfterGrainWrites = configuration.GetValue(KillAfterGrainWritesKey, 0);
    private int _grainWrites;

    public void Written()
    {
        if (_killAfterGrainWrites > 0 && Interlocked.Increment(ref _grainWrites) == _killAfterGrainWrites)
            Process.GetCurrentProcess().Kill();
    }
}

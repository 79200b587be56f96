namespace Scrutiny.Silo.Tests.Reliability;

/// <summary>
/// How long the kill -9 rounds run, the same for every crash-round test: <c>SCRUTINY_CRASH_ROUNDS</c> rounds (default 1:
/// one kill an engine in the everyday run; docs/reliability.md) from seed <c>SCRUTINY_CRASH_SEED</c> (default 1304).
/// </summary>
public static class CrashRun
{
    public static int Rounds { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("SCRUTINY_CRASH_ROUNDS"), out var n) && n > 0 ? n : 1;

    public static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("SCRUTINY_CRASH_SEED"), out var s) ? s : 1304;

    /// <summary>How long a test's rounds may take before it gives up: two minutes a round, five at the least.</summary>
    public static TimeSpan Timeout => TimeSpan.FromMinutes(Math.Max(5, Rounds * 2));
}

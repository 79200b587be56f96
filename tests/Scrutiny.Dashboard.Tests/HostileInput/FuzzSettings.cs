using System.Globalization;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// How many generated requests to send and from which seed. A fresh seed each run finds new inputs over time; the
/// seed is printed with every failure so that <c>SCRUTINY_FUZZ_SEED</c> replays the same sequence (the sequence, not
/// one case alone: an earlier accepted request may have written what a later one trips over).
/// </summary>
public sealed record FuzzSettings(ulong Seed, int Cases)
{
    public const string SeedVariable = "SCRUTINY_FUZZ_SEED";
    public const string CasesVariable = "SCRUTINY_FUZZ_CASES";

    /// <summary>Per engine: a few thousand in all for the default run, which stays within about three minutes on two cores.</summary>
    public const int DefaultCases = 2500;

    /// <summary>One seed for the whole test run, so that both engines' runs replay from the one printed.</summary>
    public static FuzzSettings Current { get; } = FromEnvironment();

    private static FuzzSettings FromEnvironment() => new(
        Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } seed
            ? ulong.Parse(seed, CultureInfo.InvariantCulture)
            : (ulong)Random.Shared.NextInt64(),
        Environment.GetEnvironmentVariable(CasesVariable) is { Length: > 0 } cases
            ? int.Parse(cases, CultureInfo.InvariantCulture)
            : DefaultCases);

    public string Replay => $"{SeedVariable}={Seed.ToString(CultureInfo.InvariantCulture)} {CasesVariable}={Cases.ToString(CultureInfo.InvariantCulture)}";
}

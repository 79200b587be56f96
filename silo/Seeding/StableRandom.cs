namespace Scrutiny.Silo.Seeding;

/// <summary>
/// Random numbers that are the same on every run and machine for the same names, so that seeding twice gives
/// identical values. (<see cref="string.GetHashCode()"/> changes from process to process, so it cannot be used.)
/// </summary>
public static class StableRandom
{
    private const uint DemoSeed = 20_240_401;

    public static Random For(params string[] names)
    {
        // FNV-1a over the names, starting from a fixed number.
        var hash = 2_166_136_261u ^ DemoSeed;
        foreach (var c in string.Join('/', names))
        {
            hash ^= c;
            hash *= 16_777_619u;
        }
        return new Random((int)(hash & int.MaxValue));
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double NextNormal(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

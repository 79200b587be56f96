namespace Scrutiny.Silo.Security;

/// <summary>
/// Settings under <c>Scrutiny:AccessCache</c>: how long a node believes a good API key, or a signed-in person's session,
/// without asking the store again. A revocation, a password change or a disabled person reaches every node of the
/// cluster at once through the change feed; the lifetime bounds what a node that missed the notice believes.
/// </summary>
public sealed class AccessCacheOptions
{
    public const string Section = "Scrutiny:AccessCache";

    /// <summary>Seconds a successful check is kept; 0 asks the store on every request.</summary>
    public int LifetimeSeconds { get; set; } = 30;

    /// <summary>
    /// Checks kept at most, keys and people each. Far more than the keys and people of any deployment: the bound is for
    /// memory, not for reuse, and past it a check is simply not kept.
    /// </summary>
    public int MaxEntries { get; set; } = 10_000;

    public TimeSpan Lifetime => TimeSpan.FromSeconds(LifetimeSeconds);

    /// <summary>The options, or why they cannot be used.</summary>
    public AccessCacheOptions Checked() => LifetimeSeconds >= 0 && MaxEntries >= 0 ? this
        : throw new InvalidOperationException($"{Section}:{nameof(LifetimeSeconds)} and {Section}:{nameof(MaxEntries)} must be 0 or more.");
}

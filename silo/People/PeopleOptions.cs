namespace Scrutiny.Silo.People;

/// <summary>Settings under <c>Scrutiny:People</c>.</summary>
public sealed class PeopleOptions
{
    public const string Section = "Scrutiny:People";

    /// <summary>
    /// How long a temporary password an administrator sets stays good, in hours: long enough to reach someone over a
    /// weekend, short enough that one written down and forgotten is soon worthless.
    /// </summary>
    public int TemporaryPasswordHours { get; set; } = 72;

    public TimeSpan TemporaryPasswordLifetime => TimeSpan.FromHours(TemporaryPasswordHours);

    /// <summary>The options, or why they cannot be used (a lifetime of no time at all).</summary>
    public PeopleOptions Checked() => TemporaryPasswordHours >= 1 ? this
        : throw new InvalidOperationException($"{Section}:{nameof(TemporaryPasswordHours)} must be 1 or more (it is {TemporaryPasswordHours}).");
}

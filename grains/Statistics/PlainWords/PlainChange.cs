namespace Scrutiny.Grains.Statistics.PlainWords;

/// <summary>
/// What changed, in plain words: one to three short sentences (<see cref="Sentences"/>; <see cref="Text"/> joins them),
/// and the figures each part of them came from (<see cref="Facts"/>), so that a page can show how it was worked out.
/// </summary>
public sealed record PlainChange(IReadOnlyList<string> Sentences, IReadOnlyList<ChangeFact> Facts, TargetOutlook Outlook)
{
    public string Text => string.Join(" ", Sentences);
}

/// <summary>One figure behind a sentence: what it is ("Value for October 2026") and what it was ("412").</summary>
public sealed record ChangeFact(string Figure, string Reading);

/// <summary>Where the value stands against its target, from the new value and the SPC assurance icon.</summary>
public enum TargetOutlook
{
    /// <summary>No target, or no better direction to meet it in.</summary>
    NoTarget,

    /// <summary>Met, and the process meets it every time (assurance: consistently passing).</summary>
    MetAndLikelyToStayMet,

    /// <summary>Missed this time, though the process meets it every time (a real change is under way).</summary>
    MissedThoughUsuallyMet,

    /// <summary>Met this time, though the process misses it every time.</summary>
    MetThoughUsuallyMissed,

    /// <summary>Missed, and the process misses it every time (assurance: consistently failing).</summary>
    UnlikelyToBeMet,

    /// <summary>Met this time; the process meets it some periods and misses it in others.</summary>
    MetButMayBeMissed,

    /// <summary>Missed this time; the process meets it some periods and misses it in others.</summary>
    MissedButMayBeMet,

    /// <summary>Met, with no assurance reading (too few values to chart).</summary>
    Met,

    /// <summary>Missed, with no assurance reading.</summary>
    Missed,
}

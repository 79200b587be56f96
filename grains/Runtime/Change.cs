namespace Scrutiny.Grains.Runtime;

/// <summary>
/// Something a grain changed, as observers, other nodes and browsers see it.
/// <paramref name="Groups"/> are the hub groups (see <c>ChangeGroups</c>) of the pages that show it.
/// </summary>
/// <param name="Kind">What changed, such as <c>indicator</c> or <c>place</c>.</param>
/// <param name="Keys">The keys of what changed, such as <c>place</c> and <c>indicator</c>.</param>
/// <param name="Period">The period whose value changed, where there is one.</param>
/// <param name="Value">The new value, where there is one.</param>
public sealed record Change(
    string Kind,
    IReadOnlyDictionary<string, string> Keys,
    IReadOnlyList<string> Groups,
    string? Period,
    double? Value,
    DateTimeOffset At)
{
    /// <summary>The node whose grain made the change; set by the runtime.</summary>
    public string Origin { get; init; } = "";

    /// <summary>
    /// True when the change is to a value not yet published: only watchers entitled to unpublished data hear of it,
    /// so that the public's live updates never carry what the public pages leave out.
    /// </summary>
    public bool Unpublished { get; init; }
}

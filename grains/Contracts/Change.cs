namespace Scrutiny.Grains.Contracts;

/// <summary>
/// Something a grain (or a committee, panel or publication) changed, as the pages watching it hear of it.
/// <paramref name="Groups"/> are the hub groups (see <see cref="ChangeGroups"/>) of the pages that show it.
/// </summary>
/// <param name="Kind">What changed, such as <c>indicator</c> or <c>place</c> (<see cref="ChangeKinds"/>).</param>
/// <param name="Keys">The keys of what changed, such as <c>place</c> and <c>indicator</c>.</param>
/// <param name="Period">The period whose value changed, where there is one.</param>
/// <param name="Value">The new value, where there is one.</param>
/// <param name="Unpublished">
/// True when the change is to a value not yet published: only watchers entitled to unpublished data hear of it, so
/// that the public's live updates never carry what the public pages leave out.
/// </param>
[GenerateSerializer, Immutable, Alias("change")]
public sealed record Change(
    string Kind,
    IReadOnlyDictionary<string, string> Keys,
    IReadOnlyList<string> Groups,
    string? Period,
    double? Value,
    DateTimeOffset At,
    bool Unpublished = false);

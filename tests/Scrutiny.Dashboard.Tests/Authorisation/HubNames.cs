using Scrutiny.Dashboard.Live;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Dashboard.Tests.Authorisation;

/// <summary>
/// Group names the hub never issues, made from the ones it does: whatever a hostile client might send hoping to land
/// in the entitled twin of a group, or in a group the server does not know it serves.
/// </summary>
public static class HubNames
{
    /// <summary>Variants of <paramref name="group"/>; a variant that comes out as the name itself (no digit to swap) is left out.</summary>
    public static IEnumerable<(string Why, string Name)> HostileVariantsOf(string group) =>
        VariantsOf(group).Where(v => !string.Equals(v.Name, group, StringComparison.Ordinal));

    private static IEnumerable<(string Why, string Name)> VariantsOf(string group)
    {
        var colon = group.IndexOf(':', StringComparison.Ordinal);
        var (prefix, key) = (group[..(colon + 1)], group[(colon + 1)..]);
        yield return ("the entitled suffix", group + "#unpublished");
        yield return ("the entitled twin's own name", HubGroups.For(group, DataView.All));
        yield return ("upper case", group.ToUpperInvariant());
        yield return ("a capital prefix", char.ToUpperInvariant(prefix[0]) + group[1..]);
        yield return ("a changed case key", prefix + (key.Any(char.IsUpper) ? key.ToLowerInvariant() : key.ToUpperInvariant()));
        yield return ("a leading space", " " + group);
        yield return ("a trailing space", group + " ");
        yield return ("a space after the colon", prefix + " " + key);
        yield return ("a trailing tab", group + "\t");
        yield return ("a trailing newline", group + "\n");
        yield return ("a no-break space", group + "\u00A0");
        yield return ("a zero-width space", prefix + "\u200B" + key);
        yield return ("a NUL", group + "\0");
        yield return ("a right-to-left override", prefix + "\u202E" + key);
        yield return ("a fullwidth colon", group.Replace(":", "\uFF1A", StringComparison.Ordinal));
        yield return ("a Cyrillic a in the prefix", ReplaceFirst(prefix, 'a', '\u0430') + key);
        yield return ("a Cyrillic letter in the key", prefix + ReplaceFirst(ReplaceFirst(key, 'E', '\u0415'), 'a', '\u0430'));
        yield return ("a fullwidth digit", ReplaceFirst(group, '0', '\uFF10'));
        yield return ("an Arabic-Indic digit", ReplaceFirst(group, '0', '\u0660'));
        yield return ("another segment", group + "/extra");
        yield return ("an over-long key", group + new string('a', 4000));
    }

    /// <summary>Names that are no group at all, or a group with nothing to watch.</summary>
    public static readonly IReadOnlyList<(string Why, string Name)> Malformed =
    [
        ("nothing", ""),
        ("a bare prefix", "place:"),
        ("an empty place and indicator", "indicator:/"),
        ("an empty indicator", "indicator:E08000003/"),
        ("an empty place", "indicator:/delayed-discharge-days"),
        ("an indicator without its place", "indicator:delayed-discharge-days"),
        ("an empty board", "board:"),
        ("an empty panel", "panel:"),
        ("an empty committee", "committee:"),
        ("a colon", ":"),
        ("no prefix", "E08000003"),
        ("a prefix without its colon", "place"),
        ("an unknown prefix", "unknown:E08000003"),
        ("a near prefix", "places:E08000003"),
        ("a made-up entitled prefix", "unpublished:place:E08000003"),
        ("the suffix alone", "#unpublished"),
        ("a board id with a space", "board:manchester hwb"),
        ("a board id with a hyphen at the end", "board:manchester-hwb-"),
        ("a path", "board:../manchester-hwb"),
        ("a long name", "committee:" + new string('a', 20_000)),
    ];

    private static string ReplaceFirst(string text, char from, char to) =>
        text.IndexOf(from, StringComparison.Ordinal) is var at and >= 0 ? string.Concat(text.AsSpan(0, at), to.ToString(), text.AsSpan(at + 1)) : text;
}

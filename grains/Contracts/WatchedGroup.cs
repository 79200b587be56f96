using System.Diagnostics.CodeAnalysis;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Contracts;

/// <summary>
/// A hub group a client asked to watch, read strictly: the one way a name from outside becomes a group, so that a
/// client can only ever name a group the server itself builds with <see cref="ChangeGroups"/>. Each key keeps to the
/// ASCII form its records are made with, and the name rebuilt from the parts must be the name sent, character for
/// character: no case, whitespace, look-alike or control character variant, no suffix, no other prefix gets through.
/// </summary>
public sealed record WatchedGroup
{
    /// <summary>The longest name: an indicator's, <c>indicator:{9-character place}/{100-character indicator}</c>.</summary>
    public const int MaxNameLength = 120;

    private WatchedGroup(WatchedGroupKind kind, string key, string? indicatorCode = null) =>
        (Kind, Key, IndicatorCode) = (kind, key, indicatorCode);

    public WatchedGroupKind Kind { get; }

    /// <summary>The place code (of a place or an indicator group), or the board's, panel's or committee's id.</summary>
    public string Key { get; }

    /// <summary>The indicator code of an indicator group.</summary>
    public string? IndicatorCode { get; }

    /// <summary>The place the group's values belong to, where its name says so (a board's place is in the catalogue).</summary>
    public string? PlaceCode => Kind is WatchedGroupKind.Place or WatchedGroupKind.Indicator ? Key : null;

    /// <summary>The group's name as the server builds it, and sends changes to.</summary>
    public string Name => Kind switch
    {
        WatchedGroupKind.Place => ChangeGroups.Place(Key),
        WatchedGroupKind.Indicator => ChangeGroups.Indicator(Key, IndicatorCode!),
        WatchedGroupKind.Board => ChangeGroups.Board(Key),
        WatchedGroupKind.Panel => ChangeGroups.Panel(Key),
        _ => ChangeGroups.Committee(Key),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out WatchedGroup? group)
    {
        group = null;
        // Length first: nothing longer than the longest real name is worth a pattern's time.
        if (name is null || name.Length > MaxNameLength || name.IndexOf(':', StringComparison.Ordinal) is not (var colon and > 0)) return false;
        var key = name[(colon + 1)..];
        var parsed = name[..(colon + 1)] switch
        {
            ChangeGroups.PlacePrefix when CatalogueCodes.IsPlaceCode(key) => new WatchedGroup(WatchedGroupKind.Place, key),
            ChangeGroups.IndicatorPrefix when key.Split('/') is [var place, var indicator] && CatalogueCodes.IsPlaceCode(place) && CatalogueCodes.IsCode(indicator) =>
                new WatchedGroup(WatchedGroupKind.Indicator, place, indicator),
            ChangeGroups.BoardPrefix when CatalogueCodes.IsCode(key) => new WatchedGroup(WatchedGroupKind.Board, key),
            ChangeGroups.PanelPrefix when CatalogueCodes.IsCode(key) => new WatchedGroup(WatchedGroupKind.Panel, key),
            ChangeGroups.CommitteePrefix when CatalogueCodes.IsCode(key) => new WatchedGroup(WatchedGroupKind.Committee, key),
            _ => null,
        };
        // The patterns should already refuse every variant; the round trip makes sure of it whatever they miss.
        if (parsed is null || !string.Equals(parsed.Name, name, StringComparison.Ordinal)) return false;
        group = parsed;
        return true;
    }

    public override string ToString() => Name;
}

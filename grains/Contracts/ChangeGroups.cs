namespace Scrutiny.Grains.Contracts;

/// <summary>
/// Hub group names and change kinds, in one place so that grains, hub and JS never drift apart. A name from a client is
/// read only by <see cref="WatchedGroup.TryParse"/>, which accepts exactly what these build.
/// </summary>
public static class ChangeGroups
{
    public const string PlacePrefix = "place:";
    public const string IndicatorPrefix = "indicator:";
    public const string BoardPrefix = "board:";
    public const string PanelPrefix = "panel:";
    public const string CommitteePrefix = "committee:";

    public static string Place(string placeCode) => PlacePrefix + placeCode;
    public static string Indicator(string placeCode, string indicatorCode) => $"{IndicatorPrefix}{placeCode}/{indicatorCode}";
    public static string Board(string boardId) => BoardPrefix + boardId;
    public static string Panel(string panelId) => PanelPrefix + panelId;
    public static string Committee(string committeeId) => CommitteePrefix + committeeId;
}

public static class ChangeKinds
{
    /// <summary>
    /// An indicator's values in a place changed (any period, history included). One change per submission: it
    /// carries the newest period that changed and its value; a page showing history re-reads the series.
    /// </summary>
    public const string Indicator = "indicator";

    /// <summary>The latest value of one of a place's indicators changed.</summary>
    public const string Place = "place";

    /// <summary>A scrutiny panel's name or figures changed: open copies re-render.</summary>
    public const string Panel = "panel";

    /// <summary>A board's records or its commitments' statuses changed (a write, or a linked indicator moved).</summary>
    public const string Board = "board";

    /// <summary>
    /// A scrutiny committee's records changed: its meetings or work programme, a recommendation made, responded to,
    /// updated or closed, a question asked or answered. Sent to the committee's group and, for a board addressee, the
    /// board's.
    /// </summary>
    public const string Committee = "committee";

    /// <summary>
    /// An indicator's period was published (released by an administrator, or its days-after date came): public
    /// pages showing the indicator re-read it. Keys: indicator and period; sent to every place's groups.
    /// </summary>
    public const string Publication = "publication";
}

/// <summary>The names of a change's keys.</summary>
public static class ChangeKeys
{
    public const string Place = "place";
    public const string Indicator = "indicator";
    public const string Panel = "panel";
    public const string Board = "board";
    public const string Committee = "committee";
    public const string Period = "period";
}

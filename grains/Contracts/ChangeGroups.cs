namespace Scrutiny.Grains.Contracts;

/// <summary>Hub group names and change kinds, in one place so that grains, hub and JS never drift apart.</summary>
public static class ChangeGroups
{
    public static string Place(string placeCode) => $"place:{placeCode}";
    public static string Indicator(string placeCode, string indicatorCode) => $"indicator:{placeCode}/{indicatorCode}";
    public static string Board(string boardId) => $"board:{boardId}";
    public static string Panel(string panelId) => $"panel:{panelId}";
    public static string Committee(string committeeId) => $"committee:{committeeId}";

    /// <summary>The prefixes a client may watch.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["place:", "indicator:", "board:", "panel:", "committee:"];
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

namespace Scrutiny.Grains.Contracts;

/// <summary>What a hub group shows: a place, an indicator in a place, a board, a panel or a committee.</summary>
public enum WatchedGroupKind
{
    Place,
    Indicator,
    Board,
    Panel,
    Committee,
}

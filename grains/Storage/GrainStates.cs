namespace Scrutiny.Grains.Storage;

/// <summary>
/// The names grain state is stored under (<c>grain_state.grain_type</c>) and the storage provider that holds it. Written
/// out rather than derived from class names: a stored row must outlive any rename.
/// </summary>
public static class GrainStates
{
    /// <summary>The grain storage provider over the project's own store (SQLite or PostgreSQL).</summary>
    public const string Storage = "scrutiny";

    public const string Indicator = "indicator";
    public const string Place = "place";
    public const string PartnershipBoard = "partnership-board";
    public const string PublicationClock = "publication-clock";
}

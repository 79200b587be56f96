namespace Scrutiny.Silo.Boards;

/// <summary>
/// The dashboard addresses of a board's pages that emails link to (the dashboard's <c>BoardPaths</c> maps its pages
/// at these), so that the two never drift apart.
/// </summary>
public static class BoardAddresses
{
    public static string Board(string id) => $"/boards/{Uri.EscapeDataString(id)}";

    public static string Commitment(string id, string commitment) => $"{Board(id)}/commitments/{Uri.EscapeDataString(commitment)}";
}

namespace Scrutiny.Silo.Committees;

/// <summary>
/// The dashboard addresses of committees' records, which notifications link to and the pages are mapped at, so that
/// the two never drift apart.
/// </summary>
public static class CommitteeAddresses
{
    public static string Committee(string committeeId) => $"/committees/{committeeId}";
    public static string Recommendation(string committeeId, string id) => $"/committees/{committeeId}/recommendations/{id}";
    public static string Question(string committeeId, string id) => $"/committees/{committeeId}/questions/{id}";

    /// <summary>The committee paper, to print: a panel's figures (optional), the recommendation tracker, the place's boards.</summary>
    public static string Paper(string committeeId, string? panelId = null) =>
        $"/committees/{committeeId}/paper{(panelId is null ? "" : $"?panel={Uri.EscapeDataString(panelId)}")}";

    /// <summary>A place's "you said, we did": its committees' recommendations with the responses.</summary>
    public static string PlaceRecommendations(string placeCode) => $"/places/{placeCode}/recommendations";
}

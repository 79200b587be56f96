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

    /// <summary>A resident's form: ask the committee a question or suggest a topic; <paramref name="placeCode"/> when sent from the place's page.</summary>
    public static string Ask(string committeeId, string? placeCode = null) =>
        $"/committees/{committeeId}/ask{(placeCode is null ? "" : $"?place={Uri.EscapeDataString(placeCode)}")}";

    /// <summary>Where a resident's submission stands, by its reference: public, and without the email address.</summary>
    public static string Asked(string committeeId, string reference) => $"/committees/{committeeId}/asked/{Uri.EscapeDataString(reference)}";

    /// <summary>The committee's queue of residents' submissions, and one submission to decide (its members and administrators).</summary>
    public static string Submissions(string committeeId) => $"/committees/{committeeId}/submissions";

    public static string Submission(string committeeId, string id) => $"/committees/{committeeId}/submissions/{Uri.EscapeDataString(id)}";

    /// <summary>The committee paper, to print: a panel's figures (optional), the recommendation tracker, the place's boards.</summary>
    public static string Paper(string committeeId, string? panelId = null) =>
        $"/committees/{committeeId}/paper{(panelId is null ? "" : $"?panel={Uri.EscapeDataString(panelId)}")}";

    /// <summary>A place's "you said, we did": its committees' recommendations with the responses.</summary>
    public static string PlaceRecommendations(string placeCode) => $"/places/{placeCode}/recommendations";
}

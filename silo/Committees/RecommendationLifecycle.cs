namespace Scrutiny.Silo.Committees;

/// <summary>Where a recommendation stands, as the register shows it.</summary>
public enum RecommendationState
{
    /// <summary>Made, and its response is not yet due.</summary>
    AwaitingResponse,

    /// <summary>Made, unanswered, and past the day its response was due.</summary>
    ResponseOverdue,

    /// <summary>The addressee rejected it; the committee has yet to close it.</summary>
    Rejected,

    /// <summary>Accepted or partly accepted; implementation not yet reported as started.</summary>
    Accepted,

    /// <summary>Accepted, and the newest update says implementation is under way.</summary>
    InProgress,

    /// <summary>Accepted, past the day the addressee said it would be in place, and not reported implemented.</summary>
    ImplementationOverdue,

    /// <summary>The newest update says it is implemented; the committee has yet to close it.</summary>
    Implemented,

    /// <summary>The newest update says it will not be implemented after all.</summary>
    NotImplemented,

    /// <summary>Closed by the committee: nothing more is asked of the addressee.</summary>
    Closed,
}

/// <summary>
/// The recommendation's life-cycle: made → responded → implemented → closed, with the two ways to fall behind (no
/// response by the due day, or not implemented by the day the response promised). Pure: the facts and today's date in,
/// the state out, so that the register, the inbox, the CSV and the pages agree.
/// </summary>
public static class RecommendationLifecycle
{
    /// <summary>A due day is the last day on time, so on that day the response is still only awaited.</summary>
    public static RecommendationState StateOf(Recommendation recommendation, DateOnly today)
    {
        if (recommendation.Closure is not null) return RecommendationState.Closed;
        if (recommendation.Response is not { } response)
            return today > recommendation.ResponseDue ? RecommendationState.ResponseOverdue : RecommendationState.AwaitingResponse;
        if (response.Decision == ResponseDecision.Rejected) return RecommendationState.Rejected;
        var latest = recommendation.Updates.Count > 0 ? recommendation.Updates[^1].Status : ImplementationStatus.NotStarted;
        return latest switch
        {
            ImplementationStatus.Implemented => RecommendationState.Implemented,
            ImplementationStatus.NotImplemented => RecommendationState.NotImplemented,
            _ when response.ImplementBy is { } by && today > by => RecommendationState.ImplementationOverdue,
            ImplementationStatus.InProgress => RecommendationState.InProgress,
            _ => RecommendationState.Accepted,
        };
    }

    public static bool IsOverdue(RecommendationState state) =>
        state is RecommendationState.ResponseOverdue or RecommendationState.ImplementationOverdue;

    /// <summary>The addressee still owes a response.</summary>
    public static bool AwaitsResponse(RecommendationState state) =>
        state is RecommendationState.AwaitingResponse or RecommendationState.ResponseOverdue;

    /// <summary>The addressee owes implementation updates.</summary>
    public static bool AwaitsImplementation(RecommendationState state) =>
        state is RecommendationState.Accepted or RecommendationState.InProgress or RecommendationState.ImplementationOverdue;

    /// <summary>The committee has an outcome to review and, when satisfied, to close.</summary>
    public static bool AwaitsReview(RecommendationState state) =>
        state is RecommendationState.Rejected or RecommendationState.Implemented or RecommendationState.NotImplemented;

    /// <summary>The day the response is due by default: the committee's months after the day it was made.</summary>
    public static DateOnly DefaultResponseDue(DateOnly madeOn, int responseMonths) => madeOn.AddMonths(responseMonths);
}

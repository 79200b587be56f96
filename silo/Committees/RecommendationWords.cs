namespace Scrutiny.Silo.Committees;

/// <summary>A response's decision and an implementation update's status in plain words, for the public pages, the paper, the feeds and the notifications.</summary>
public static class RecommendationWords
{
    public static string Decision(ResponseDecision decision) => decision switch
    {
        ResponseDecision.Accepted => "Agreed",
        ResponseDecision.PartiallyAccepted => "Partly agreed",
        _ => "Did not agree",
    };

    public static string Progress(ImplementationStatus status) => status switch
    {
        ImplementationStatus.NotStarted => "Not started",
        ImplementationStatus.InProgress => "Under way",
        ImplementationStatus.Implemented => "Done",
        _ => "Will not be done",
    };

    /// <summary>The day the addressee owes the next step by: the response, or, once agreed, the day it is to be in place.</summary>
    public static (string Label, DateOnly? Day) Due(RegisterEntry entry) => entry.Recommendation.Response switch
    {
        null => ("Response due", entry.Recommendation.ResponseDue),
        { ImplementBy: { } by } when RecommendationLifecycle.AwaitsImplementation(entry.State) => ("In place by", by),
        _ => ("Nothing due", null),
    };
}

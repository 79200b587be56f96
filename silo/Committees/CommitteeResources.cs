namespace Scrutiny.Silo.Committees;

/// <summary>A committee as the API shows it.</summary>
public sealed record CommitteeResource(string Id, string Name, string Place, int ResponseMonths, IReadOnlyList<DateOnly> Meetings)
{
    public static CommitteeResource From(Committee c) => new(c.Id, c.Name, c.PlaceCode, c.ResponseMonths, c.Meetings);
}

public sealed record ResponseResource(ResponseDecision Decision, string Reasons, DateOnly? ImplementBy, DateTimeOffset At);

public sealed record UpdateResource(ImplementationStatus Status, string Text, string? Evidence, DateTimeOffset At);

public sealed record ClosureResource(string Note, DateTimeOffset At);

/// <summary>
/// A recommendation in the register: what was asked of whom, on what evidence, where it stands today (<c>state</c>,
/// <c>overdue</c>), the response, the implementation updates and the closure. Who typed each step is in the audit
/// log, for administrators; the register, which is public, names the bodies, not people or keys.
/// </summary>
public sealed record RecommendationResource(
    string Id, string Committee, string Text, Addressee Addressee, IReadOnlyList<Link> Evidence, DateOnly MadeOn, DateOnly ResponseDue,
    RecommendationState State, bool Overdue, ResponseResource? Response, IReadOnlyList<UpdateResource> Updates, ClosureResource? Closure)
{
    public static RecommendationResource From(RegisterEntry e)
    {
        var r = e.Recommendation;
        return new(r.Id, r.CommitteeId, r.Text, r.Addressee, r.Evidence, r.MadeOn, r.ResponseDue, e.State, e.Overdue,
            r.Response is { } x ? new ResponseResource(x.Decision, x.Reasons, x.ImplementBy, x.At) : null,
            [.. r.Updates.Select(u => new UpdateResource(u.Status, u.Text, u.Evidence, u.At))],
            r.Closure is { } c ? new ClosureResource(c.Note, c.At) : null);
    }
}

/// <summary>A committee's question; <c>askedByResident</c> when a resident sent it and a member published it, with the name they gave (never their email).</summary>
public sealed record QuestionResource(
    string Id, string Committee, Addressee Addressee, string Text, DateOnly AskedOn, DateOnly DueOn, QuestionState State, string? Answer, DateTimeOffset? AnsweredAt,
    bool AskedByResident, string? ResidentName)
{
    public static QuestionResource From(QuestionEntry e) => new(e.Question.Id, e.Question.CommitteeId, e.Question.Addressee, e.Question.Text,
        e.Question.AskedOn, e.Question.DueOn, e.State, e.Question.Answer?.Text, e.Question.Answer?.At, e.Question.Resident is not null, e.Question.Resident?.Name);
}

/// <summary>A place's "you said, we did": its committees, and their recommendations with the responses and what was done.</summary>
public sealed record PlaceRecommendationsResource(string Place, IReadOnlyList<CommitteeResource> Committees, IReadOnlyList<RecommendationResource> Recommendations);

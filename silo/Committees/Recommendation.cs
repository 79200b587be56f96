namespace Scrutiny.Silo.Committees;

public enum AddresseeKind { Agency, Board }

/// <summary>Who a recommendation or a question is addressed to: an agency by its code, or a board by its id.</summary>
public sealed record Addressee(AddresseeKind Kind, string Code);

public enum ResponseDecision { Accepted, PartiallyAccepted, Rejected }

/// <summary>
/// The addressee's response, with its reasons. <see cref="ImplementBy"/>: when an accepted or partly accepted
/// recommendation will be in place (none for a rejection).
/// </summary>
public sealed record RecommendationResponse(ResponseDecision Decision, string Reasons, DateOnly? ImplementBy, string By, DateTimeOffset At);

public enum ImplementationStatus { NotStarted, InProgress, Implemented, NotImplemented }

public sealed record ImplementationUpdate(ImplementationStatus Status, string Text, string? Evidence, string By, DateTimeOffset At);

public sealed record RecommendationClosure(string Note, string By, DateTimeOffset At);

/// <summary>A committee's recommendation and everything that has happened to it since, oldest update first.</summary>
public sealed record Recommendation(
    string Id, string CommitteeId, string Text, Addressee Addressee, IReadOnlyList<Link> Evidence, DateOnly MadeOn, DateOnly ResponseDue,
    string MadeBy, DateTimeOffset MadeAt, RecommendationResponse? Response, IReadOnlyList<ImplementationUpdate> Updates, RecommendationClosure? Closure);

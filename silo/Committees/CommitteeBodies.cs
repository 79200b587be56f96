namespace Scrutiny.Silo.Committees;

/// <summary>A committee as an administrator sends it: the id only when making one (the route names it after).</summary>
public sealed record CommitteeBody(string? Id, string? Name, string? Place, int? ResponseMonths, IReadOnlyList<string?>? Meetings);

/// <summary>Every meeting date, past and planned: the list replaces the old.</summary>
public sealed record MeetingsBody(IReadOnlyList<string?>? Meetings);

/// <summary>A link by kind (<c>indicator</c>, <c>commitment</c>, <c>board</c>, <c>panel</c>) and reference (<c>E08000003/delayed-discharge-days</c>).</summary>
public sealed record LinkBody(string? Kind, string? Reference);

public sealed record TopicBody(string? Title, string? Description, string? MeetingOn, string? Status, IReadOnlyList<LinkBody?>? Links);

/// <summary>An agency by its code or a board by its id.</summary>
public sealed record AddresseeBody(string? Kind, string? Code);

/// <summary>
/// A recommendation. <c>madeOn</c> defaults to today; <c>responseDue</c> to <c>madeOn</c> plus the committee's
/// response months.
/// </summary>
public sealed record RecommendationBody(string? Text, AddresseeBody? Addressee, IReadOnlyList<LinkBody?>? Evidence, string? MadeOn, string? ResponseDue);

/// <summary>The addressee's response; <c>implementBy</c> for an accepted or partly accepted recommendation only.</summary>
public sealed record ResponseBody(string? Decision, string? Reasons, string? ImplementBy);

public sealed record ImplementationUpdateBody(string? Status, string? Text, string? Evidence);

public sealed record ClosureBody(string? Note);

public sealed record QuestionBody(string? Text, AddresseeBody? Addressee, string? DueOn);

public sealed record AnswerBody(string? Answer);

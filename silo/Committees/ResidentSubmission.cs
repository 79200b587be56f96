namespace Scrutiny.Silo.Committees;

public enum SubmissionKind { Question, Topic }

public enum SubmissionState { Received, Published, Declined, Merged }

/// <summary>
/// A resident's question or topic suggestion to a committee, as anyone may see it once decided: no email address (that
/// is read only for the committee's queue, <see cref="QueuedSubmission"/>). <see cref="Id"/> is the reference the
/// resident is given. A decision is one of: published (<see cref="QuestionId"/> for a question, <see cref="TopicId"/>
/// optionally for a suggestion), declined with a published <see cref="Reason"/>, merged into another submission
/// (<see cref="MergedInto"/>) or a question (<see cref="MergedIntoQuestion"/>).
/// </summary>
public sealed record ResidentSubmission(
    string Id, string CommitteeId, SubmissionKind Kind, string? PlaceCode, string Text, string? Name, DateTimeOffset ReceivedAt,
    SubmissionState State, string? Reason = null, string? MergedInto = null, string? MergedIntoQuestion = null, string? QuestionId = null,
    string? TopicId = null, string? DecidedBy = null, DateTimeOffset? DecidedAt = null);

/// <summary>A submission in the committee's queue, with the email address the resident gave (for its members' eyes only).</summary>
public sealed record QueuedSubmission(ResidentSubmission Submission, string? Email);

/// <summary>What a resident sends: <c>kind</c> question or topic, the text, optionally a name and an email address, and the place page it came from.</summary>
public sealed record ResidentSubmissionBody(string? Kind, string? Text, string? Name, string? Email, string? Place);

/// <summary>A member's decision. Publish a question: <c>addressee</c> and <c>dueOn</c>; a suggestion: <c>topic</c> (optional); decline: <c>reason</c>; merge: <c>into</c> (<c>submission:{id}</c> or <c>question:{id}</c>).</summary>
public sealed record SubmissionDecisionBody(AddresseeBody? Addressee = null, string? DueOn = null, string? Topic = null, string? Reason = null, string? Into = null);

using System.Security.Claims;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Committees;

/// <summary>
/// Residents' questions and topic suggestions: anyone sends one (no account; the page keeps the anti-abuse measures),
/// the committee's members and administrators (<see cref="CommitteeAccess.MayWork"/>) decide each once — publish,
/// decline with a published reason, or merge into another submission or a question. A published question becomes one
/// of the committee's questions (<see cref="CommitteeQuestions"/>), with its addressee, due day and answer.
/// </summary>
public sealed class ResidentSubmissions(
    CommitteeStore committees, ResidentSubmissionStore store, QuestionStore questions, CommitteeRules rules,
    INotificationSink notifications, CommitteeChanges changes, TimeProvider time)
{
    public Task<ResidentSubmission?> FindAsync(string committeeId, string id, CancellationToken cancellationToken = default) =>
        store.FindAsync(committeeId, id, cancellationToken);

    public Task<IReadOnlyList<ResidentSubmission>> ListAsync(string committeeId, CancellationToken cancellationToken = default) =>
        store.ListAsync(committeeId, cancellationToken);

    /// <summary>The queue with the email addresses given: refused to anyone but the committee's members and administrators.</summary>
    public async Task<CommitteeResult<IReadOnlyList<QueuedSubmission>>> QueueAsync(ClaimsPrincipal user, string committeeId,
        CancellationToken cancellationToken = default) =>
        CommitteeAccess.MayWork(user, committeeId)
            ? CommitteeResult<IReadOnlyList<QueuedSubmission>>.Done(await store.QueueAsync(committeeId, cancellationToken))
            : CommitteeResult<IReadOnlyList<QueuedSubmission>>.Forbidden(RecommendationRegister.NotCommittee);

    public async Task<CommitteeResult<ResidentSubmission>> ReceiveAsync(string committeeId, ResidentSubmissionBody body, CancellationToken cancellationToken = default)
    {
        if (await committees.FindAsync(committeeId, cancellationToken) is not { } committee)
            return CommitteeResult<ResidentSubmission>.NotFound(RecommendationRegister.NoCommittee(committeeId));
        var (submission, email, problems) = ResidentSubmissionRules.Check(committee, ReadableIds.New(), body, time.GetUtcNow());
        if (submission is null) return CommitteeResult<ResidentSubmission>.Invalid(problems);
        var what = submission.Kind == SubmissionKind.Question ? "asked a question" : "suggested a topic";
        await store.ReceiveAsync(submission, email, notifications.Within(new Notification(new Recipient(RecipientKind.Committee, committeeId),
            $"A resident {what}, to publish, decline or merge: {RecommendationRegister.Excerpt(submission.Text)}",
            CommitteeAddresses.Submission(committeeId, submission.Id)), cancellationToken), cancellationToken);
        return CommitteeResult<ResidentSubmission>.Done(submission);
    }

    /// <summary>
    /// Publishes a question as one of the committee's (the resident's text, the addressee and due day the member
    /// chooses), or a suggestion (linked to a topic of the work programme if the member chooses one).
    /// </summary>
    public async Task<CommitteeResult<ResidentSubmission>> PublishAsync(ClaimsPrincipal user, string committeeId, string id, SubmissionDecisionBody body,
        CancellationToken cancellationToken = default)
    {
        var (committee, submission, refused) = await OpenAsync(user, committeeId, id, cancellationToken);
        if (refused is not null) return refused;
        var at = time.GetUtcNow();
        if (submission!.Kind == SubmissionKind.Question)
        {
            var (question, problems) = await rules.QuestionAsync(committee!, ReadableIds.New(),
                new QuestionBody(submission.Text, body.Addressee, body.DueOn), user.Actor(), at, time.Today());
            if (question is null) return CommitteeResult<ResidentSubmission>.Invalid(problems);
            question = question with { Resident = new ResidentAsker(submission.Id, submission.Name) };
            if (!await store.PublishQuestionAsync(submission, question, notifications.Within(CommitteeQuestions.Asked(committee!, question), cancellationToken),
                    cancellationToken))
                return await DecidedAsync(committeeId, id, cancellationToken);
            await changes.PublishAsync(committeeId, question.Addressee);
            return CommitteeResult<ResidentSubmission>.Done(submission with { State = SubmissionState.Published, QuestionId = question.Id });
        }
        var topic = string.IsNullOrWhiteSpace(body.Topic) ? null : body.Topic.Trim();
        if (topic is not null && (await committees.ListTopicsAsync(committeeId, cancellationToken)).All(t => t.Id != topic))
            return CommitteeResult<ResidentSubmission>.Invalid([new FieldProblem("topic", "unknown_topic", $"The work programme has no topic '{topic}'.")]);
        if (!await store.PublishTopicAsync(submission, topic, user.Actor(), at, cancellationToken)) return await DecidedAsync(committeeId, id, cancellationToken);
        await changes.PublishAsync(committeeId);
        return CommitteeResult<ResidentSubmission>.Done(submission with { State = SubmissionState.Published, TopicId = topic });
    }

    public async Task<CommitteeResult<ResidentSubmission>> DeclineAsync(ClaimsPrincipal user, string committeeId, string id, SubmissionDecisionBody body,
        CancellationToken cancellationToken = default)
    {
        var (_, submission, refused) = await OpenAsync(user, committeeId, id, cancellationToken);
        if (refused is not null) return refused;
        var p = new FieldProblems();
        var reason = p.Text(body.Reason, "reason", ResidentSubmissionRules.MaxReasonLength);
        if (reason is null) return CommitteeResult<ResidentSubmission>.Invalid(p.List);
        if (!await store.DeclineAsync(submission!, reason, user.Actor(), time.GetUtcNow(), cancellationToken)) return await DecidedAsync(committeeId, id, cancellationToken);
        await changes.PublishAsync(committeeId);
        return CommitteeResult<ResidentSubmission>.Done(submission! with { State = SubmissionState.Declined, Reason = reason });
    }

    /// <summary>Merges a duplicate into another submission (received or published) or one of the committee's questions: <c>submission:{id}</c>, <c>question:{id}</c>.</summary>
    public async Task<CommitteeResult<ResidentSubmission>> MergeAsync(ClaimsPrincipal user, string committeeId, string id, SubmissionDecisionBody body,
        CancellationToken cancellationToken = default)
    {
        var (_, submission, refused) = await OpenAsync(user, committeeId, id, cancellationToken);
        if (refused is not null) return refused;
        var (intoSubmission, intoQuestion, problem) = await TargetAsync(committeeId, id, body.Into?.Trim(), cancellationToken);
        if (problem is not null) return CommitteeResult<ResidentSubmission>.Invalid([problem]);
        if (!await store.MergeAsync(submission!, intoSubmission, intoQuestion, user.Actor(), time.GetUtcNow(), cancellationToken))
            return await DecidedAsync(committeeId, id, cancellationToken);
        await changes.PublishAsync(committeeId);
        return CommitteeResult<ResidentSubmission>.Done(submission! with { State = SubmissionState.Merged, MergedInto = intoSubmission, MergedIntoQuestion = intoQuestion });
    }

    /// <summary>What a duplicate is merged into: a submission of the committee still received or published, or one of its questions.</summary>
    private async Task<(string? Submission, string? Question, FieldProblem? Problem)> TargetAsync(string committeeId, string id, string? into,
        CancellationToken cancellationToken)
    {
        var parts = into?.Split(':', 2);
        if (parts is not [var kind, var other] || other.Length == 0)
            return (null, null, string.IsNullOrEmpty(into)
                ? new FieldProblem("into", "required", "into is required: submission:{reference} or question:{id}.")
                : new FieldProblem("into", "invalid", "into must be submission:{reference} or question:{id}."));
        if (kind == "question")
            return await questions.FindAsync(committeeId, other, cancellationToken) is null
                ? (null, null, new FieldProblem("into", "unknown_question", $"The committee has no question '{other}'."))
                : (null, other, null);
        if (kind != "submission") return (null, null, new FieldProblem("into", "invalid", "into must be submission:{reference} or question:{id}."));
        if (other == id) return (null, null, new FieldProblem("into", "itself", "A submission cannot be merged into itself."));
        return await store.FindAsync(committeeId, other, cancellationToken) is { State: SubmissionState.Received or SubmissionState.Published }
            ? (other, null, null)
            : (null, null, new FieldProblem("into", "unknown_submission", $"The committee has no received or published submission '{other}'."));
    }

    /// <summary>The committee and the submission, or why not: not theirs to decide, no such record, decided already.</summary>
    private async Task<(Committee?, ResidentSubmission?, CommitteeResult<ResidentSubmission>?)> OpenAsync(ClaimsPrincipal user, string committeeId, string id,
        CancellationToken cancellationToken)
    {
        if (!CommitteeAccess.MayWork(user, committeeId)) return (null, null, CommitteeResult<ResidentSubmission>.Forbidden(RecommendationRegister.NotCommittee));
        if (await committees.FindAsync(committeeId, cancellationToken) is not { } committee)
            return (null, null, CommitteeResult<ResidentSubmission>.NotFound(RecommendationRegister.NoCommittee(committeeId)));
        if (await store.FindAsync(committeeId, id, cancellationToken) is not { } submission)
            return (null, null, CommitteeResult<ResidentSubmission>.NotFound($"The committee '{committeeId}' has no submission '{id}'."));
        return submission.State == SubmissionState.Received ? (committee, submission, null) : (null, null, Decided(submission));
    }

    private async Task<CommitteeResult<ResidentSubmission>> DecidedAsync(string committeeId, string id, CancellationToken cancellationToken) =>
        await store.FindAsync(committeeId, id, cancellationToken) is { } now
            ? Decided(now)
            : CommitteeResult<ResidentSubmission>.NotFound($"The committee '{committeeId}' has no submission '{id}'.");

    private static CommitteeResult<ResidentSubmission> Decided(ResidentSubmission s) =>
        CommitteeResult<ResidentSubmission>.Conflict(
            $"This submission was {CatalogueNames.Name(s.State)} already{(s.DecidedAt is { } at ? $", on {DayText.Of(DateOnly.FromDateTime(at.UtcDateTime))}" : "")}: nothing was changed.");
}

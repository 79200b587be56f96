using System.Security.Claims;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Committees;

/// <summary>A question with where it stands today.</summary>
public sealed record QuestionEntry(Question Question, QuestionState State);

/// <summary>Questions to partners between meetings: asked by the committee, answered by the addressee alone.</summary>
public sealed class CommitteeQuestions(
    CommitteeStore committees, QuestionStore store, CommitteeRules rules, ICatalogue catalogue, INotificationSink notifications, CommitteeChanges changes,
    TimeProvider time)
{
    public async Task<IReadOnlyList<QuestionEntry>> ListAsync(string? committeeId, IReadOnlyList<Addressee>? addressees = null,
        CancellationToken cancellationToken = default)
    {
        var today = time.Today();
        return [.. (await store.ListAsync(committeeId, addressees, cancellationToken)).Select(q => new QuestionEntry(q, QuestionLifecycle.StateOf(q, today)))];
    }

    public async Task<QuestionEntry?> FindAsync(string committeeId, string id, CancellationToken cancellationToken = default) =>
        await store.FindAsync(committeeId, id, cancellationToken) is { } q ? new QuestionEntry(q, QuestionLifecycle.StateOf(q, time.Today())) : null;

    public async Task<CommitteeResult<QuestionEntry>> AskAsync(ClaimsPrincipal user, string committeeId, QuestionBody body, CancellationToken cancellationToken = default)
    {
        if (!CommitteeAccess.MayWork(user, committeeId)) return CommitteeResult<QuestionEntry>.Forbidden(RecommendationRegister.NotCommittee);
        if (await committees.FindAsync(committeeId, cancellationToken) is not { } committee)
            return CommitteeResult<QuestionEntry>.NotFound(RecommendationRegister.NoCommittee(committeeId));
        var (question, problems) = await rules.QuestionAsync(committee, ReadableIds.New(), body, user.Actor(), time.GetUtcNow(), time.Today());
        if (question is null) return CommitteeResult<QuestionEntry>.Invalid(problems);
        await store.AskAsync(question, notifications.Within(Asked(committee, question), cancellationToken), cancellationToken);
        await changes.PublishAsync(committee.Id, question.Addressee);
        return CommitteeResult<QuestionEntry>.Done(new QuestionEntry(question, QuestionLifecycle.StateOf(question, time.Today())));
    }

    /// <summary>The addressee's notification of a question (a member's, or a resident's they published).</summary>
    internal static Notification Asked(Committee committee, Question question) => new(Recipient.Of(question.Addressee),
        $"{committee.Name} asked you a question; answer by {DayText.Of(question.DueOn)}: {RecommendationRegister.Excerpt(question.Text)}",
        CommitteeAddresses.Question(committee.Id, question.Id));

    public async Task<CommitteeResult<QuestionEntry>> AnswerAsync(ClaimsPrincipal user, string committeeId, string id, AnswerBody body,
        CancellationToken cancellationToken = default)
    {
        if (await store.FindAsync(committeeId, id, cancellationToken) is not { } question)
            return CommitteeResult<QuestionEntry>.NotFound($"The committee '{committeeId}' has no question '{id}'.");
        var board = question.Addressee.Kind == AddresseeKind.Board ? await catalogue.FindBoardAsync(question.Addressee.Code, cancellationToken) : null;
        if (!CommitteeAccess.MayAnswer(user, question.Addressee, board))
            return CommitteeResult<QuestionEntry>.Forbidden($"Only {question.Addressee.Code}, to whom the question is addressed, may answer it.");
        if (question.Answer is not null) return CommitteeResult<QuestionEntry>.Conflict("The question has been answered already.");
        var (answer, problems) = rules.Answer(body, user.Actor(), time.GetUtcNow());
        if (answer is null) return CommitteeResult<QuestionEntry>.Invalid(problems);
        var notification = new Notification(new Recipient(RecipientKind.Committee, committeeId),
            $"{question.Addressee.Code} answered: {RecommendationRegister.Excerpt(question.Text)}", CommitteeAddresses.Question(committeeId, id));
        if (!await store.AnswerAsync(question, answer, notifications.Within(notification, cancellationToken), cancellationToken))
            return CommitteeResult<QuestionEntry>.Conflict("The question has been answered already.");
        await changes.PublishAsync(committeeId, question.Addressee);
        var answered = question with { Answer = answer };
        return CommitteeResult<QuestionEntry>.Done(new QuestionEntry(answered, QuestionLifecycle.StateOf(answered, time.Today())));
    }
}

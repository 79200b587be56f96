using Scrutiny.Silo.Committees;

namespace Scrutiny.Silo.Tests.Committees;

/// <summary>The life-cycle as a pure function of the facts and today's date.</summary>
public sealed class RecommendationLifecycleTests
{
    private static readonly DateOnly Made = new(2026, 1, 10);
    private static readonly DateTimeOffset At = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static Recommendation Made_(RecommendationResponse? response = null, ImplementationUpdate[]? updates = null, RecommendationClosure? closure = null) =>
        new("r1", "c1", "Do it", new Addressee(AddresseeKind.Agency, "MFT"), [], Made, RecommendationLifecycle.DefaultResponseDue(Made, 2), "admin", At,
            response, updates ?? [], closure);

    private static RecommendationResponse Accepted(DateOnly? by = null) => new(ResponseDecision.Accepted, "Agreed", by ?? new DateOnly(2026, 6, 30), "MFT", At);

    private static ImplementationUpdate Update(ImplementationStatus status) => new(status, "Progress", null, "MFT", At);

    [Fact]
    public void The_response_is_due_two_months_after_the_day_made_and_overdue_the_day_after()
    {
        Assert.Equal(new DateOnly(2026, 3, 10), RecommendationLifecycle.DefaultResponseDue(Made, 2));
        Assert.Equal(new DateOnly(2026, 2, 28), RecommendationLifecycle.DefaultResponseDue(new DateOnly(2025, 12, 31), 2));
        Assert.Equal(RecommendationState.AwaitingResponse, RecommendationLifecycle.StateOf(Made_(), new DateOnly(2026, 3, 10)));
        Assert.Equal(RecommendationState.ResponseOverdue, RecommendationLifecycle.StateOf(Made_(), new DateOnly(2026, 3, 11)));
        Assert.True(RecommendationLifecycle.IsOverdue(RecommendationState.ResponseOverdue));
    }

    [Fact]
    public void Each_step_moves_the_state_on_and_closure_ends_it()
    {
        var today = new DateOnly(2026, 4, 1);
        Assert.Equal(RecommendationState.Accepted, RecommendationLifecycle.StateOf(Made_(Accepted()), today));
        Assert.Equal(RecommendationState.InProgress, RecommendationLifecycle.StateOf(Made_(Accepted(), [Update(ImplementationStatus.InProgress)]), today));
        Assert.Equal(RecommendationState.Implemented, RecommendationLifecycle.StateOf(
            Made_(Accepted(), [Update(ImplementationStatus.InProgress), Update(ImplementationStatus.Implemented)]), today));
        Assert.Equal(RecommendationState.NotImplemented, RecommendationLifecycle.StateOf(Made_(Accepted(), [Update(ImplementationStatus.NotImplemented)]), today));
        Assert.Equal(RecommendationState.Rejected, RecommendationLifecycle.StateOf(Made_(new RecommendationResponse(ResponseDecision.Rejected, "No", null, "MFT", At)), today));
        Assert.Equal(RecommendationState.Closed, RecommendationLifecycle.StateOf(Made_(closure: new RecommendationClosure("Withdrawn", "admin", At)), today));
        // The newest update wins: implemented, then reopened as in progress.
        Assert.Equal(RecommendationState.InProgress, RecommendationLifecycle.StateOf(
            Made_(Accepted(), [Update(ImplementationStatus.Implemented), Update(ImplementationStatus.InProgress)]), today));
    }

    [Fact]
    public void Implementation_is_overdue_after_the_promised_day_until_it_is_reported_implemented()
    {
        var promised = new DateOnly(2026, 6, 30);
        var inProgress = Made_(Accepted(promised), [Update(ImplementationStatus.InProgress)]);
        Assert.Equal(RecommendationState.InProgress, RecommendationLifecycle.StateOf(inProgress, promised));
        Assert.Equal(RecommendationState.ImplementationOverdue, RecommendationLifecycle.StateOf(inProgress, promised.AddDays(1)));
        Assert.Equal(RecommendationState.ImplementationOverdue, RecommendationLifecycle.StateOf(Made_(Accepted(promised)), promised.AddDays(1)));
        Assert.Equal(RecommendationState.Implemented, RecommendationLifecycle.StateOf(
            Made_(Accepted(promised), [Update(ImplementationStatus.Implemented)]), promised.AddDays(30)));
    }

    [Fact]
    public void A_question_is_open_to_its_due_day_then_overdue_until_answered()
    {
        var q = new Question("q1", "c1", new Addressee(AddresseeKind.Board, "b"), "Why?", Made, new DateOnly(2026, 1, 24), "admin", At, null);
        Assert.Equal(QuestionState.Open, QuestionLifecycle.StateOf(q, new DateOnly(2026, 1, 24)));
        Assert.Equal(QuestionState.Overdue, QuestionLifecycle.StateOf(q, new DateOnly(2026, 1, 25)));
        Assert.Equal(QuestionState.Answered, QuestionLifecycle.StateOf(q with { Answer = new QuestionAnswer("Because", "b", At) }, new DateOnly(2026, 2, 1)));
    }
}

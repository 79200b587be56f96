namespace Scrutiny.Silo.Committees;

public sealed record QuestionAnswer(string Text, string By, DateTimeOffset At);

/// <summary>A committee's question to a partner between meetings, the day an answer is due, and the answer.</summary>
public sealed record Question(
    string Id, string CommitteeId, Addressee Addressee, string Text, DateOnly AskedOn, DateOnly DueOn, string AskedBy, DateTimeOffset AskedAt,
    QuestionAnswer? Answer);

public enum QuestionState { Open, Overdue, Answered }

public static class QuestionLifecycle
{
    /// <summary>The due day is the last day an answer is on time, so on that day the question is still only open.</summary>
    public static QuestionState StateOf(Question question, DateOnly today) =>
        question.Answer is not null ? QuestionState.Answered
        : today > question.DueOn ? QuestionState.Overdue
        : QuestionState.Open;
}

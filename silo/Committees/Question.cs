namespace Scrutiny.Silo.Committees;

public sealed record QuestionAnswer(string Text, string By, DateTimeOffset At);

/// <summary>A question a resident sent and a member published: the submission's reference and the name the resident gave, if any.</summary>
public sealed record ResidentAsker(string Submission, string? Name);

/// <summary>
/// A committee's question to a partner between meetings, the day an answer is due, and the answer. <see cref="Resident"/>
/// when a resident asked it (<see cref="AskedBy"/> is then the member who published it).
/// </summary>
public sealed record Question(
    string Id, string CommitteeId, Addressee Addressee, string Text, DateOnly AskedOn, DateOnly DueOn, string AskedBy, DateTimeOffset AskedAt,
    QuestionAnswer? Answer, ResidentAsker? Resident = null);

public enum QuestionState { Open, Overdue, Answered }

public static class QuestionLifecycle
{
    /// <summary>The due day is the last day an answer is on time, so on that day the question is still only open.</summary>
    public static QuestionState StateOf(Question question, DateOnly today) =>
        question.Answer is not null ? QuestionState.Answered
        : today > question.DueOn ? QuestionState.Overdue
        : QuestionState.Open;
}

using Scrutiny.Dashboard.Committees;
using Scrutiny.Silo.Committees;

namespace Scrutiny.Dashboard.Calendars;

/// <summary>
/// A committee's calendar: its meetings, the days responses to its recommendations are due, and the days answers to its
/// questions are due. Public, as the committee's page is.
/// </summary>
public sealed class CommitteeCalendar(CommitteeStore committees, RecommendationStore recommendations, QuestionStore questions, CommitteeLinks links)
{
    /// <summary>The calendar's name, in the calendar and in the page's link to it.</summary>
    public static string Name(Committee committee) => $"{committee.Name}: meetings and deadlines";

    /// <summary>Null when no committee has this id.</summary>
    public async Task<Calendar?> ReadAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await committees.FindAsync(id, cancellationToken) is not { } committee) return null;
        var page = CommitteePaths.Committee(id);
        var names = await links.AddresseesAsync(cancellationToken);
        var events = (await committees.ListMeetingsAsync(id, cancellationToken))
            .Select(m => new CalendarEvent($"committee-{id}-meeting-{m.Id}", m.On, $"{committee.Name}: meeting",
                $"A meeting of {committee.Name}.", page, m.Sequence, m.UpdatedAt))
            .Concat((await recommendations.ListAsync(new RecommendationScope(id), cancellationToken))
                .Select(r => new CalendarEvent($"committee-{id}-recommendation-{r.Id}-response", r.ResponseDue,
                    $"Response due from {names.Name(r.Addressee)} to {committee.Name}", $"The recommendation: {r.Text}",
                    CommitteeAddresses.Recommendation(id, r.Id), 0, r.MadeAt)))
            .Concat((await questions.ListAsync(id, cancellationToken: cancellationToken))
                .Select(q => new CalendarEvent($"committee-{id}-question-{q.Id}-answer", q.DueOn,
                    $"Answer due from {names.Name(q.Addressee)} to {committee.Name}", $"The question: {q.Text}",
                    CommitteeAddresses.Question(id, q.Id), 0, q.AskedAt)));
        return new Calendar(Name(committee), page, [.. events]);
    }
}

using System.Security.Claims;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Meetings;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Committees;

/// <summary>
/// Committees themselves (made and changed by administrators), and their meetings and work programme (also their
/// members'), for the API and the pages: access, checks, the audited write and the change.
/// </summary>
public sealed class CommitteeWork(CommitteeStore store, CommitteeRules rules, CommitteeChanges changes, TimeProvider time)
{
    private const string AdministratorsOnly = "Only administrators make and change committees.";

    public async Task<CommitteeResult<Committee>> CreateAsync(ClaimsPrincipal user, CommitteeBody body, CancellationToken cancellationToken = default)
    {
        if (!user.IsAdministrator()) return CommitteeResult<Committee>.Forbidden(AdministratorsOnly);
        var (committee, problems) = await rules.CommitteeAsync(null, body);
        if (committee is null) return CommitteeResult<Committee>.Invalid(problems);
        if (!await store.CreateAsync(committee, user.Actor(), time.GetUtcNow(), cancellationToken))
            return CommitteeResult<Committee>.Conflict($"A committee has the id '{committee.Id}' already.");
        await changes.PublishAsync(committee.Id);
        return CommitteeResult<Committee>.Done(committee);
    }

    public async Task<CommitteeResult<Committee>> UpdateAsync(ClaimsPrincipal user, string id, CommitteeBody body, CancellationToken cancellationToken = default)
    {
        if (!user.IsAdministrator()) return CommitteeResult<Committee>.Forbidden(AdministratorsOnly);
        if (await store.FindAsync(id, cancellationToken) is null) return CommitteeResult<Committee>.NotFound(RecommendationRegister.NoCommittee(id));
        var (committee, problems) = await rules.CommitteeAsync(id, body);
        if (committee is null) return CommitteeResult<Committee>.Invalid(problems);
        if (await store.UpdateAsync(committee, user.Actor(), time.GetUtcNow(), cancellationToken) is not { } saved)
            return CommitteeResult<Committee>.NotFound(RecommendationRegister.NoCommittee(id));
        await changes.PublishAsync(id);
        return CommitteeResult<Committee>.Done(saved);
    }

    public async Task<CommitteeResult<Committee>> SetMeetingsAsync(ClaimsPrincipal user, string id, MeetingsBody body, CancellationToken cancellationToken = default)
    {
        if (!CommitteeAccess.MayWork(user, id)) return CommitteeResult<Committee>.Forbidden(RecommendationRegister.NotCommittee);
        var (meetings, problems) = rules.Meetings(body);
        if (meetings is null) return CommitteeResult<Committee>.Invalid(problems);
        if (await store.SetMeetingsAsync(id, meetings, user.Actor(), time.GetUtcNow(), cancellationToken) is not { } saved)
            return CommitteeResult<Committee>.NotFound(RecommendationRegister.NoCommittee(id));
        await changes.PublishAsync(id);
        return CommitteeResult<Committee>.Done(saved);
    }

    /// <summary>Moves one meeting to another day: the same meeting (its id, so its calendar event) on a new day.</summary>
    public async Task<CommitteeResult<Meeting>> MoveMeetingAsync(ClaimsPrincipal user, string id, string meetingId, MeetingMoveBody body,
        CancellationToken cancellationToken = default)
    {
        if (!CommitteeAccess.MayWork(user, id)) return CommitteeResult<Meeting>.Forbidden(RecommendationRegister.NotCommittee);
        var p = new FieldProblems();
        if (p.Date(body.On, "on", required: true) is not { } on) return CommitteeResult<Meeting>.Invalid(p.List);
        if (await store.FindAsync(id, cancellationToken) is null) return CommitteeResult<Meeting>.NotFound(RecommendationRegister.NoCommittee(id));
        var move = await store.MoveMeetingAsync(id, meetingId, on, user.Actor(), time.GetUtcNow(), cancellationToken);
        switch (move.Outcome)
        {
            case MeetingMoveOutcome.NoMeeting: return CommitteeResult<Meeting>.NotFound($"The committee has no meeting '{meetingId}'.");
            case MeetingMoveOutcome.DayTaken: return CommitteeResult<Meeting>.Invalid([new FieldProblem("on", "duplicate", $"The committee already meets on {DayText.Of(on)}.")]);
        }
        await changes.PublishAsync(id);
        return CommitteeResult<Meeting>.Done(move.After!);
    }

    public Task<CommitteeResult<WorkProgrammeTopic>> AddTopicAsync(ClaimsPrincipal user, string id, TopicBody body, CancellationToken cancellationToken = default) =>
        SaveTopicAsync(user, id, ReadableIds.New(), body, isNew: true, cancellationToken);

    public Task<CommitteeResult<WorkProgrammeTopic>> UpdateTopicAsync(ClaimsPrincipal user, string id, string topicId, TopicBody body,
        CancellationToken cancellationToken = default) =>
        SaveTopicAsync(user, id, topicId, body, isNew: false, cancellationToken);

    private async Task<CommitteeResult<WorkProgrammeTopic>> SaveTopicAsync(ClaimsPrincipal user, string id, string topicId, TopicBody body, bool isNew,
        CancellationToken cancellationToken)
    {
        if (!CommitteeAccess.MayWork(user, id)) return CommitteeResult<WorkProgrammeTopic>.Forbidden(RecommendationRegister.NotCommittee);
        if (await store.FindAsync(id, cancellationToken) is null) return CommitteeResult<WorkProgrammeTopic>.NotFound(RecommendationRegister.NoCommittee(id));
        var (topic, problems) = await rules.TopicAsync(id, topicId, body);
        if (topic is null) return CommitteeResult<WorkProgrammeTopic>.Invalid(problems);
        if (isNew) await store.AddTopicAsync(topic, user.Actor(), time.GetUtcNow(), cancellationToken);
        else if (!await store.UpdateTopicAsync(topic, user.Actor(), time.GetUtcNow(), cancellationToken))
            return CommitteeResult<WorkProgrammeTopic>.NotFound($"The committee has no work programme topic '{topicId}'.");
        await changes.PublishAsync(id);
        return CommitteeResult<WorkProgrammeTopic>.Done(topic);
    }
}

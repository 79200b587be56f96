using System.Security.Claims;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Committees;

/// <summary>A recommendation in the register with where it stands today.</summary>
public sealed record RegisterEntry(Recommendation Recommendation, RecommendationState State)
{
    public bool Overdue => RecommendationLifecycle.IsOverdue(State);
}

/// <summary>The register's filters: a state, an addressee's code (agency or board), overdue only.</summary>
public sealed record RegisterFilter(RecommendationState? State = null, string? Addressee = null, bool OverdueOnly = false)
{
    /// <summary>
    /// The filters as a query gives them (<c>?state=response_overdue&amp;addressee=MFT&amp;overdue=true</c>), for the API,
    /// the committee page and its CSV alike; empty values filter nothing, and each bad one is a problem naming its field.
    /// </summary>
    public static (RegisterFilter Filter, List<FieldProblem> Problems) Parse(string? state, string? addressee, string? overdue)
    {
        var problems = new List<FieldProblem>();
        RecommendationState? wanted = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (CatalogueNames.TryParse<RecommendationState>(state.Trim(), out var s)) wanted = s;
            else problems.Add(new("state", "not_one_of", $"state must be one of {string.Join(", ", CatalogueNames.Names<RecommendationState>())}."));
        }
        var overdueOnly = false;
        if (!string.IsNullOrWhiteSpace(overdue) && !bool.TryParse(overdue.Trim(), out overdueOnly))
            problems.Add(new("overdue", "not_boolean", "overdue must be true or false."));
        return (new RegisterFilter(wanted, string.IsNullOrWhiteSpace(addressee) ? null : addressee.Trim(), overdueOnly), problems);
    }

    public bool Matches(RegisterEntry entry) =>
        (State is null || entry.State == State) &&
        (Addressee is null || entry.Recommendation.Addressee.Code == Addressee) &&
        (!OverdueOnly || entry.Overdue);
}

/// <summary>
/// The recommendations register's every step, for the API and the pages: who may take it, whether it may be taken
/// now, the checks on what was typed, the write (audited in its transaction), the notification and the change.
/// </summary>
public sealed class RecommendationRegister(
    CommitteeStore committees, RecommendationStore store, CommitteeRules rules, ICatalogue catalogue, INotificationSink notifications,
    CommitteeChanges changes, TimeProvider time)
{
    public async Task<IReadOnlyList<RegisterEntry>> ListAsync(RecommendationScope scope, RegisterFilter? filter = null,
        CancellationToken cancellationToken = default)
    {
        var today = time.Today();
        return [.. (await store.ListAsync(scope, cancellationToken))
            .Select(r => new RegisterEntry(r, RecommendationLifecycle.StateOf(r, today)))
            .Where(e => filter?.Matches(e) ?? true)];
    }

    public async Task<RegisterEntry?> FindAsync(string committeeId, string id, CancellationToken cancellationToken = default) =>
        await store.FindAsync(committeeId, id, cancellationToken) is { } r ? new RegisterEntry(r, RecommendationLifecycle.StateOf(r, time.Today())) : null;

    public async Task<CommitteeResult<RegisterEntry>> MakeAsync(ClaimsPrincipal user, string committeeId, RecommendationBody body,
        CancellationToken cancellationToken = default)
    {
        if (!CommitteeAccess.MayWork(user, committeeId)) return CommitteeResult<RegisterEntry>.Forbidden(NotCommittee);
        if (await committees.FindAsync(committeeId, cancellationToken) is not { } committee) return CommitteeResult<RegisterEntry>.NotFound(NoCommittee(committeeId));
        var (recommendation, problems) = await rules.RecommendationAsync(committee, ReadableIds.New(), body, user.Actor(), time.GetUtcNow(), time.Today());
        if (recommendation is null) return CommitteeResult<RegisterEntry>.Invalid(problems);
        await store.MakeAsync(recommendation, notifications.Within(new Notification(Recipient.Of(recommendation.Addressee),
            $"{committee.Name} made a recommendation to you; respond by {DayText.Of(recommendation.ResponseDue)}: {Excerpt(recommendation.Text)}",
            CommitteeAddresses.Recommendation(committeeId, recommendation.Id)), cancellationToken), cancellationToken);
        return await DoneAsync(committeeId, recommendation, cancellationToken);
    }

    /// <summary>The addressee's response, given once; only someone who speaks for the addressee may give it.</summary>
    public Task<CommitteeResult<RegisterEntry>> RespondAsync(ClaimsPrincipal user, string committeeId, string id, ResponseBody body,
        CancellationToken cancellationToken = default) =>
        AsAddresseeAsync(user, committeeId, id, cancellationToken, async (committee, entry) =>
        {
            if (entry.Recommendation.Response is not null) return CommitteeResult<RegisterEntry>.Conflict("The recommendation has been responded to already.");
            var (response, problems) = rules.Response(entry.Recommendation, body, user.Actor(), time.GetUtcNow());
            if (response is null) return CommitteeResult<RegisterEntry>.Invalid(problems);
            var notification = new Notification(new Recipient(RecipientKind.Committee, committeeId),
                $"{await NameAsync(entry.Recommendation.Addressee)} responded ({RecommendationWords.Decision(response.Decision).ToLowerInvariant()}): {Excerpt(entry.Recommendation.Text)}",
                CommitteeAddresses.Recommendation(committeeId, id));
            if (!await store.RespondAsync(entry.Recommendation, response, notifications.Within(notification, cancellationToken), cancellationToken))
                return CommitteeResult<RegisterEntry>.Conflict("The recommendation has been responded to already.");
            return await DoneAsync(committeeId, entry.Recommendation, cancellationToken);
        });

    /// <summary>An implementation update, once the addressee has accepted the recommendation (in whole or in part).</summary>
    public Task<CommitteeResult<RegisterEntry>> AddUpdateAsync(ClaimsPrincipal user, string committeeId, string id, ImplementationUpdateBody body,
        CancellationToken cancellationToken = default) =>
        AsAddresseeAsync(user, committeeId, id, cancellationToken, async (committee, entry) =>
        {
            if (entry.Recommendation.Response is not { } response)
                return CommitteeResult<RegisterEntry>.Conflict("Respond to the recommendation before reporting on its implementation.");
            if (response.Decision == ResponseDecision.Rejected)
                return CommitteeResult<RegisterEntry>.Conflict("The recommendation was rejected: there is no implementation to report.");
            var (update, problems) = rules.Update(body, user.Actor(), time.GetUtcNow());
            if (update is null) return CommitteeResult<RegisterEntry>.Invalid(problems);
            await store.AddUpdateAsync(entry.Recommendation, update, notifications.Within(new Notification(new Recipient(RecipientKind.Committee, committeeId),
                $"{await NameAsync(entry.Recommendation.Addressee)} reported progress ({RecommendationWords.Progress(update.Status).ToLowerInvariant()}): {Excerpt(entry.Recommendation.Text)}",
                CommitteeAddresses.Recommendation(committeeId, id)), cancellationToken), cancellationToken);
            return await DoneAsync(committeeId, entry.Recommendation, cancellationToken);
        });

    /// <summary>The committee closes a recommendation, with a note: at any stage, once.</summary>
    public async Task<CommitteeResult<RegisterEntry>> CloseAsync(ClaimsPrincipal user, string committeeId, string id, ClosureBody body,
        CancellationToken cancellationToken = default)
    {
        if (!CommitteeAccess.MayWork(user, committeeId)) return CommitteeResult<RegisterEntry>.Forbidden(NotCommittee);
        if (await committees.FindAsync(committeeId, cancellationToken) is not { } committee) return CommitteeResult<RegisterEntry>.NotFound(NoCommittee(committeeId));
        if (await store.FindAsync(committeeId, id, cancellationToken) is not { } recommendation) return CommitteeResult<RegisterEntry>.NotFound(NoRecommendation(id));
        if (recommendation.Closure is not null) return CommitteeResult<RegisterEntry>.Conflict("The recommendation is closed already.");
        var (closure, problems) = rules.Closure(body, user.Actor(), time.GetUtcNow());
        if (closure is null) return CommitteeResult<RegisterEntry>.Invalid(problems);
        var notification = new Notification(Recipient.Of(recommendation.Addressee),
            $"{committee.Name} closed its recommendation: {Excerpt(recommendation.Text)}", CommitteeAddresses.Recommendation(committeeId, id));
        if (!await store.CloseAsync(recommendation, closure, notifications.Within(notification, cancellationToken), cancellationToken))
            return CommitteeResult<RegisterEntry>.Conflict("The recommendation is closed already.");
        return await DoneAsync(committeeId, recommendation, cancellationToken);
    }

    private async Task<CommitteeResult<RegisterEntry>> AsAddresseeAsync(ClaimsPrincipal user, string committeeId, string id,
        CancellationToken cancellationToken, Func<Committee, RegisterEntry, Task<CommitteeResult<RegisterEntry>>> step)
    {
        if (await committees.FindAsync(committeeId, cancellationToken) is not { } committee) return CommitteeResult<RegisterEntry>.NotFound(NoCommittee(committeeId));
        if (await FindAsync(committeeId, id, cancellationToken) is not { } entry) return CommitteeResult<RegisterEntry>.NotFound(NoRecommendation(id));
        var addressee = entry.Recommendation.Addressee;
        var board = addressee.Kind == AddresseeKind.Board ? await catalogue.FindBoardAsync(addressee.Code, cancellationToken) : null;
        if (!CommitteeAccess.MayAnswer(user, addressee, board))
            return CommitteeResult<RegisterEntry>.Forbidden(addressee.Kind == AddresseeKind.Agency
                ? $"Only {addressee.Code} may do this: the recommendation is addressed to it."
                : $"Only an agency on {board?.Name ?? addressee.Code}, or one of its members, may do this: the recommendation is addressed to the board.");
        if (entry.State == RecommendationState.Closed) return CommitteeResult<RegisterEntry>.Conflict("The committee has closed the recommendation.");
        return await step(committee, entry);
    }

    private async Task<CommitteeResult<RegisterEntry>> DoneAsync(string committeeId, Recommendation recommendation, CancellationToken cancellationToken)
    {
        await changes.PublishAsync(committeeId, recommendation.Addressee);
        return CommitteeResult<RegisterEntry>.Done((await FindAsync(committeeId, recommendation.Id, cancellationToken))!);
    }

    private async Task<string> NameAsync(Addressee addressee) => addressee.Kind == AddresseeKind.Agency
        ? (await catalogue.FindAgencyAsync(addressee.Code))?.Name ?? addressee.Code
        : (await catalogue.FindBoardAsync(addressee.Code))?.Name ?? addressee.Code;

    /// <summary>The start of a recommendation's text, for a notification's subject.</summary>
    internal static string Excerpt(string text) => text.Length <= ExcerptLength ? text : text[..(ExcerptLength - 1)].TrimEnd() + "…";

    private const int ExcerptLength = 80;

    internal const string NotCommittee = "Only the committee's members and administrators may do this.";

    internal static string NoCommittee(string id) => $"No committee has the id '{id}'.";

    private static string NoRecommendation(string id) => $"The committee has no recommendation '{id}'.";
}

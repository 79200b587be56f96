using System.Security.Claims;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Committees;

/// <summary>What the inbox asks of its reader.</summary>
public enum InboxAction
{
    /// <summary>Respond to a recommendation addressed to you.</summary>
    Respond,

    /// <summary>Report on implementing a recommendation you accepted.</summary>
    ReportImplementation,

    /// <summary>Answer a question addressed to you.</summary>
    Answer,

    /// <summary>Your committee has an outcome to review and close (rejected, implemented, not implemented).</summary>
    Review,

    /// <summary>Your committee is owed a response, an implementation or an answer that is overdue.</summary>
    Chase,
}

public enum InboxItemKind { Recommendation, Question }

/// <summary>One thing due or overdue for the reader.</summary>
public sealed record InboxItem(
    InboxItemKind Kind, string CommitteeId, string Id, string Text, Addressee Addressee, InboxAction Action, DateOnly? Due, bool Overdue, string Link);

/// <summary>A reader's inbox: what is due or overdue for them (overdue first), and the notifications sent to them, newest first.</summary>
public sealed record Inbox(IReadOnlyList<InboxItem> Items, IReadOnlyList<InboxNotification> Notifications);

/// <summary>
/// Each reader's inbox, worked out from who they are. An agency's key or staff: recommendations and questions to the
/// agency and to the boards it sits on. A board member: those to their board. A committee member: their committee's
/// outcomes to review and what it is owed that is overdue; an administrator: the same for every committee.
/// </summary>
public sealed class CommitteeInbox(RecommendationRegister register, CommitteeQuestions questions, InboxStore inbox, CommitteeStore committees,
    ICatalogue catalogue)
{
    public async Task<Inbox> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var addressees = await AddresseesAsync(user, cancellationToken);
        var committeeIds = await CommitteesAsync(user, cancellationToken);
        var items = new List<InboxItem>();

        foreach (var entry in await register.ListAsync(new RecommendationScope(Addressees: addressees), cancellationToken: cancellationToken))
        {
            var r = entry.Recommendation;
            if (RecommendationLifecycle.AwaitsResponse(entry.State)) items.Add(Item(r, InboxAction.Respond, r.ResponseDue, entry.Overdue));
            else if (RecommendationLifecycle.AwaitsImplementation(entry.State)) items.Add(Item(r, InboxAction.ReportImplementation, r.Response?.ImplementBy, entry.Overdue));
        }
        foreach (var q in await questions.ListAsync(null, addressees, cancellationToken))
            if (q.State != QuestionState.Answered) items.Add(Item(q, InboxAction.Answer));

        foreach (var committeeId in committeeIds)
        {
            foreach (var entry in await register.ListAsync(new RecommendationScope(committeeId), cancellationToken: cancellationToken))
            {
                var r = entry.Recommendation;
                if (RecommendationLifecycle.AwaitsReview(entry.State)) items.Add(Item(r, InboxAction.Review, null, false));
                else if (entry.State == RecommendationState.ResponseOverdue) items.Add(Item(r, InboxAction.Chase, r.ResponseDue, true));
                else if (entry.State == RecommendationState.ImplementationOverdue) items.Add(Item(r, InboxAction.Chase, r.Response?.ImplementBy, true));
            }
            foreach (var q in await questions.ListAsync(committeeId, null, cancellationToken))
                if (q.State == QuestionState.Overdue) items.Add(Item(q, InboxAction.Chase));
        }

        var ordered = items.DistinctBy(i => (i.Kind, i.Id, i.Action))
            .OrderByDescending(i => i.Overdue).ThenBy(i => i.Due is null).ThenBy(i => i.Due).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        return new Inbox(ordered, await inbox.ListAsync(Recipients(addressees, committeeIds, user), cancellationToken));
    }

    /// <summary>Everyone whose notifications the reader reads: the bodies they speak for, their committees, themselves.</summary>
    public async Task<IReadOnlyList<Recipient>> RecipientsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        Recipients(await AddresseesAsync(user, cancellationToken), await CommitteesAsync(user, cancellationToken), user);

    private static List<Recipient> Recipients(IReadOnlyList<Addressee> addressees, IReadOnlyList<string> committeeIds, ClaimsPrincipal user)
    {
        var recipients = addressees.Select(Recipient.Of).Concat(committeeIds.Select(c => new Recipient(RecipientKind.Committee, c))).ToList();
        if (Person.TryParseActor(user.FindFirstValue(ClaimTypes.NameIdentifier), out var personId))
            recipients.Add(new Recipient(RecipientKind.Person, personId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return recipients;
    }

    /// <summary>The committees the reader sits on; an administrator, every committee.</summary>
    private async Task<IReadOnlyList<string>> CommitteesAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.IsAdministrator()
            ? [.. (await committees.ListAsync(cancellationToken)).Select(c => c.Id)]
            : [.. user.FindAll(ScrutinyAuth.CommitteeClaim).Select(c => c.Value).Distinct()];

    /// <summary>Those the reader speaks for: their agency and the boards it sits on, and the boards they sit on.</summary>
    public async Task<IReadOnlyList<Addressee>> AddresseesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var addressees = new List<Addressee>();
        if (user.AgencyCode() is { } agency)
        {
            addressees.Add(new Addressee(AddresseeKind.Agency, agency));
            addressees.AddRange((await catalogue.ListBoardsAsync(null, cancellationToken))
                .Where(b => b.MemberAgencies.Contains(agency)).Select(b => new Addressee(AddresseeKind.Board, b.Id)));
        }
        addressees.AddRange(user.FindAll(ScrutinyAuth.BoardClaim).Select(c => new Addressee(AddresseeKind.Board, c.Value)));
        return [.. addressees.Distinct()];
    }

    private static InboxItem Item(Recommendation r, InboxAction action, DateOnly? due, bool overdue) =>
        new(InboxItemKind.Recommendation, r.CommitteeId, r.Id, r.Text, r.Addressee, action, due, overdue, CommitteeAddresses.Recommendation(r.CommitteeId, r.Id));

    private static InboxItem Item(QuestionEntry q, InboxAction action) =>
        new(InboxItemKind.Question, q.Question.CommitteeId, q.Question.Id, q.Question.Text, q.Question.Addressee, action, q.Question.DueOn,
            q.State == QuestionState.Overdue, CommitteeAddresses.Question(q.Question.CommitteeId, q.Question.Id));
}

using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Boards;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Schedule;

namespace Scrutiny.Silo.Email;

/// <summary>
/// What the weekly digest says of one committee or one board: a heading with a link to its page, then "What changed"
/// (its place's new figures; for a board, those of its commitments' indicators), "Statuses that moved" and "Deadlines
/// ahead" (<see cref="DigestWindow"/>). Nothing when none of the three has anything to say.
/// Everything is read as the public reads it: figures through the public's view (<see cref="DataViews.Public"/>),
/// commitments' statuses as recorded from published values. An email leaves the product's access control and may be
/// forwarded, so nothing unpublished goes in one. Residents' submissions, which are not public until a member decides
/// them, are counted, never quoted.
/// </summary>
public sealed class DigestSections(
    CommitteeStore committees, RecommendationRegister register, CommitteeQuestions questions, ResidentSubmissionStore submissions,
    ICatalogue catalogue, IGrainFactory grains, DataViews views, WhatChanged whatChanged, EmailOptions options)
{
    public async Task<IReadOnlyList<EmailSection>> ForCommitteeAsync(string committeeId, DigestWindow window, CancellationToken cancellationToken = default)
    {
        if (await committees.FindAsync(committeeId, cancellationToken) is not { } committee) return [];
        var placeName = (await catalogue.FindPlaceAsync(committee.PlaceCode, cancellationToken))?.Name ?? committee.PlaceCode;
        var changed = await ChangesAsync(committee.PlaceCode, window, null, cancellationToken);
        var moved = new List<Dated>();
        var ahead = new List<Due>();
        await RecordsAsync(new RecommendationScope(committeeId), committeeId, [], window, moved, ahead, cancellationToken);
        var received = (await submissions.ListAsync(committeeId, cancellationToken)).Count(s => window.InPast(s.ReceivedAt));
        if (received > 0)
            moved.Add(new(window.To, new EmailItem(received == 1 ? "1 question or suggestion from a resident received" : $"{received} questions or suggestions from residents received",
                options.Link(CommitteeAddresses.Submissions(committeeId)))));
        ahead.AddRange(committee.Meetings.Where(window.Ahead).Select(d => new Due(d, new EmailItem($"Committee meeting on {DayText.Words(d)}"))));
        return Part(committee.Name, new EmailLink($"Go to the page of {committee.Name}", options.Link(CommitteeAddresses.Committee(committeeId))),
            $"New figures for {placeName}:", changed, moved, ahead, window);
    }

    public async Task<IReadOnlyList<EmailSection>> ForBoardAsync(string boardId, DigestWindow window, CancellationToken cancellationToken = default)
    {
        // The statuses the board's history records are derived from published values; the view asked for here is the public's too.
        var changes = await grains.Grain<IPartnershipBoardGrain>(boardId).GetChangesSinceAsync(window.Since, DataView.Published);
        if (changes is null) return [];
        var board = changes.Board.Board;
        var commitments = changes.Board.Commitments.Select(c => c.Commitment).ToList();
        var changed = await ChangesAsync(board.PlaceCode, window, commitments.SelectMany(c => c.Indicators).ToHashSet(StringComparer.Ordinal), cancellationToken);
        var moved = new List<Dated>();
        foreach (var move in changes.StatusMoves)
        {
            var recorded = move.Changes.Where(h => window.InPast(h.At)).ToList();
            if (recorded.Count == 0 || recorded[^1].Status == move.Was) continue;
            var now = recorded[^1];
            moved.Add(new(now.At, new EmailItem(
                $"{move.Commitment.Title} is now {Words(now.Status)}{(move.Was is { } was ? $" (it was {Words(was)})" : "")}, since {DayText.Words(ReturnStatusRules.DayOf(now.At))}",
                options.Link(BoardAddresses.Commitment(boardId, move.Commitment.Id)))));
        }
        foreach (var missed in changes.MissedMilestones)
        {
            var missedOn = missed.Milestone.Due.AddDays(MilestoneStates.MissedAfterDays + 1);
            if (!window.InPast(missedOn)) continue;
            moved.Add(new(ReturnStatusRules.StartOf(missedOn), new EmailItem(
                $"Milestone missed: {missed.Milestone.Title} ({missed.Commitment.Title}), due by {DayText.Words(missed.Milestone.Due)}",
                options.Link(BoardAddresses.Commitment(boardId, missed.Commitment.Id)))));
        }
        var ahead = new List<Due>();
        foreach (var c in commitments)
            foreach (var m in c.Milestones.Where(m => m.CompletedOn is null && window.Ahead(m.Due)))
                ahead.Add(new(m.Due, new EmailItem($"Milestone due by {DayText.Words(m.Due)}: {m.Title} ({c.Title}), owned by {await AgencyNameAsync(m.Owner, cancellationToken)}",
                    options.Link(BoardAddresses.Commitment(boardId, c.Id)))));
        var addressee = new Addressee(AddresseeKind.Board, boardId);
        await RecordsAsync(new RecommendationScope(Addressees: [addressee]), null, [addressee], window, moved, ahead, cancellationToken);
        ahead.AddRange(board.MeetingDates.Where(window.Ahead).Select(d => new Due(d, new EmailItem($"Board meeting on {DayText.Words(d)}"))));
        return Part(board.Name, new EmailLink($"Go to the page of {board.Name}", options.Link(BoardAddresses.Board(boardId))),
            $"New figures for {changes.Board.Place.Name}, of the indicators the board's commitments are measured by:", changed, moved, ahead, window);
    }

    /// <summary>Something that happened in the past week, to list in time order.</summary>
    private sealed record Dated(DateTimeOffset At, EmailItem Item);

    /// <summary>Something due on a day ahead.</summary>
    private sealed record Due(DateOnly On, EmailItem Item);

    private async Task<IReadOnlyList<EmailItem>> ChangesAsync(string placeCode, DigestWindow window, IReadOnlySet<string>? indicators,
        CancellationToken cancellationToken) =>
        [.. (await whatChanged.BetweenAsync(views.Public(), placeCode, ValueFormat.Of, window.From, window.To, cancellationToken))
            .Where(e => e.Public && (indicators is null || indicators.Contains(e.IndicatorCode)))
            .Select(e => new EmailItem(e.Sentence))];

    /// <summary>
    /// The recommendations and questions in scope (a committee's own, or those addressed to a board): each step taken in
    /// the past week, and each response, answer or implementation due in the days ahead.
    /// </summary>
    private async Task RecordsAsync(RecommendationScope scope, string? committeeId, IReadOnlyList<Addressee> addressees, DigestWindow window,
        List<Dated> moved, List<Due> ahead, CancellationToken cancellationToken)
    {
        var names = (await committees.ListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        foreach (var entry in await register.ListAsync(scope, cancellationToken: cancellationToken))
        {
            var r = entry.Recommendation;
            var committee = names.GetValueOrDefault(r.CommitteeId, r.CommitteeId);
            var addressee = await NameAsync(r.Addressee, cancellationToken);
            var excerpt = EmailBody.OneLine(RecommendationRegister.Excerpt(r.Text));
            var link = options.Link(CommitteeAddresses.Recommendation(r.CommitteeId, r.Id));
            void Moved(DateTimeOffset at, string words)
            {
                if (window.InPast(at)) moved.Add(new(at, new EmailItem($"{words}: {excerpt}", link)));
            }
            Moved(r.MadeAt, $"{committee} made a recommendation to {addressee} on {DayText.Words(r.MadeOn)}");
            if (r.Response is { } response)
                Moved(response.At, $"{addressee} responded ({RecommendationWords.Decision(response.Decision).ToLowerInvariant()}) to a recommendation on {DayText.Words(ReturnStatusRules.DayOf(response.At))}");
            foreach (var update in r.Updates)
                Moved(update.At, $"{addressee} reported on {DayText.Words(ReturnStatusRules.DayOf(update.At))} that a recommendation {Words(update.Status)}");
            if (r.Closure is { } closure)
                Moved(closure.At, $"{committee} closed a recommendation on {DayText.Words(ReturnStatusRules.DayOf(closure.At))}");

            if (RecommendationLifecycle.AwaitsResponse(entry.State) && window.Ahead(r.ResponseDue))
                ahead.Add(new(r.ResponseDue, new EmailItem($"Response due from {addressee} by {DayText.Words(r.ResponseDue)}: {excerpt}", link)));
            if (RecommendationLifecycle.AwaitsImplementation(entry.State) && r.Response?.ImplementBy is { } by && window.Ahead(by))
                ahead.Add(new(by, new EmailItem($"{addressee} said a recommendation would be in place by {DayText.Words(by)}: {excerpt}", link)));
        }
        foreach (var entry in await questions.ListAsync(committeeId, addressees.Count == 0 ? null : addressees, cancellationToken))
        {
            var q = entry.Question;
            var committee = names.GetValueOrDefault(q.CommitteeId, q.CommitteeId);
            var addressee = await NameAsync(q.Addressee, cancellationToken);
            var excerpt = EmailBody.OneLine(RecommendationRegister.Excerpt(q.Text));
            var link = options.Link(CommitteeAddresses.Question(q.CommitteeId, q.Id));
            if (window.InPast(q.AskedAt))
                moved.Add(new(q.AskedAt, new EmailItem($"{committee} asked {addressee} a question on {DayText.Words(q.AskedOn)}: {excerpt}", link)));
            if (q.Answer is { } answer && window.InPast(answer.At))
                moved.Add(new(answer.At, new EmailItem($"{addressee} answered a question on {DayText.Words(ReturnStatusRules.DayOf(answer.At))}: {excerpt}", link)));
            if (entry.State != QuestionState.Answered && window.Ahead(q.DueOn))
                ahead.Add(new(q.DueOn, new EmailItem($"Answer due from {addressee} by {DayText.Words(q.DueOn)}: {excerpt}", link)));
        }
    }

    /// <summary>The heading with the page's link, then the three parts, each saying so when it has nothing; none at all when all three have nothing.</summary>
    private static IReadOnlyList<EmailSection> Part(string name, EmailLink page, string changedIntro, IReadOnlyList<EmailItem> changed,
        List<Dated> moved, List<Due> ahead, DigestWindow window)
    {
        if (changed.Count == 0 && moved.Count == 0 && ahead.Count == 0) return [];
        return
        [
            new EmailSection(name, [], [], page),
            new EmailSection("What changed", [changed.Count > 0 ? changedIntro : "No new figures were published."], changed, Level: 3),
            new EmailSection("Statuses that moved", moved.Count > 0 ? [] : ["Nothing moved."],
                [.. moved.OrderBy(m => m.At).Select(m => m.Item)], Level: 3),
            new EmailSection("Deadlines ahead", [ahead.Count > 0 ? $"Due from {window.AheadWords}:" : $"Nothing is due from {window.AheadWords}."],
                [.. ahead.OrderBy(d => d.On).ThenBy(d => d.Item.Text, StringComparer.Ordinal).Select(d => d.Item)], Level: 3),
        ];
    }

    private async Task<string> NameAsync(Addressee addressee, CancellationToken cancellationToken) => addressee.Kind == AddresseeKind.Agency
        ? await AgencyNameAsync(addressee.Code, cancellationToken)
        : (await catalogue.FindBoardAsync(addressee.Code, cancellationToken))?.Name ?? addressee.Code;

    private async Task<string> AgencyNameAsync(string code, CancellationToken cancellationToken) =>
        (await catalogue.FindAgencyAsync(code, cancellationToken))?.Name ?? code;

    private static string Words(CommitmentStatus status) => CatalogueNames.Name(status).Replace('_', ' ');

    private static string Words(ImplementationStatus status) => status switch
    {
        ImplementationStatus.NotStarted => "is not started yet",
        ImplementationStatus.InProgress => "is in progress",
        ImplementationStatus.Implemented => "is implemented",
        _ => "will not be implemented",
    };
}

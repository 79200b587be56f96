using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Panels;

namespace Scrutiny.Silo.Committees;

/// <summary>
/// The one validator of committees' bodies, for the API and the pages alike: each problem names its field as sent
/// (<c>addressee.code</c>, <c>evidence[1].reference</c>), links and addressees are checked against the catalogue, the
/// boards' commitments and the panels, and a clean body becomes the record to save.
/// </summary>
public sealed class CommitteeRules(ICatalogue catalogue, IGrainFactory grains, PanelStore panels)
{
    public const int MaxTitleLength = 300;
    public const int MaxTextLength = 4000;
    public const int MaxLinks = 20;

    /// <summary>A year: longer than a municipal year would be a typing slip, not a deadline.</summary>
    public const int MaxResponseMonths = 12;

    public static readonly IReadOnlySet<LinkKind> TopicLinks = new HashSet<LinkKind> { LinkKind.Indicator, LinkKind.Commitment, LinkKind.Board };
    public static readonly IReadOnlySet<LinkKind> EvidenceLinks = new HashSet<LinkKind> { LinkKind.Indicator, LinkKind.Commitment, LinkKind.Panel };

    /// <param name="id">The route's id when changing a committee; null when making one, when the body's id is checked.</param>
    public async Task<(Committee? Committee, List<FieldProblem> Problems)> CommitteeAsync(string? id, CommitteeBody body)
    {
        var p = new FieldProblems();
        var committeeId = id;
        if (id is null)
        {
            committeeId = body.Id?.Trim();
            if (string.IsNullOrEmpty(committeeId)) p.Add("id", "required", "id is required: lower-case words joined by hyphens, such as manchester-health-scrutiny.");
            else if (!CodeRules.IsIndicatorCode(committeeId)) p.Add("id", "invalid_code", "id must be lower-case letters and digits in words joined by hyphens, at most 100 characters.");
        }
        var name = p.Text(body.Name, "name", MaxTitleLength);
        var place = body.Place?.Trim();
        if (string.IsNullOrEmpty(place)) p.Add("place", "required", "place is required: the place's code.");
        else if (await catalogue.FindPlaceAsync(place) is null) p.Add("place", "unknown_place", $"No place has the code '{place}'.");
        var months = body.ResponseMonths ?? Committee.DefaultResponseMonths;
        if (months is < 1 or > MaxResponseMonths) p.Add("responseMonths", "out_of_range", $"responseMonths must be from 1 to {MaxResponseMonths}.");
        var meetings = Meetings(p, body.Meetings, required: false);
        return p.Any ? (null, p.List) : (new Committee(committeeId!, name!, place!, months, meetings), p.List);
    }

    public (IReadOnlyList<DateOnly>? Meetings, List<FieldProblem> Problems) Meetings(MeetingsBody body)
    {
        var p = new FieldProblems();
        var meetings = Meetings(p, body.Meetings, required: true);
        return p.Any ? (null, p.List) : (meetings, p.List);
    }

    public async Task<(WorkProgrammeTopic? Topic, List<FieldProblem> Problems)> TopicAsync(string committeeId, string topicId, TopicBody body)
    {
        var p = new FieldProblems();
        var title = p.Text(body.Title, "title", MaxTitleLength);
        var description = p.Optional(body.Description, "description", MaxTextLength);
        var meeting = p.Date(body.MeetingOn, "meetingOn", required: false);
        var status = string.IsNullOrWhiteSpace(body.Status) ? TopicStatus.Planned : p.OneOf<TopicStatus>(body.Status, "status");
        var links = await LinksAsync(p, body.Links, "links", TopicLinks);
        return p.Any ? (null, p.List) : (new WorkProgrammeTopic(topicId, committeeId, title!, description, meeting, status!.Value, links), p.List);
    }

    public async Task<(Recommendation? Recommendation, List<FieldProblem> Problems)> RecommendationAsync(Committee committee, string id,
        RecommendationBody body, string actor, DateTimeOffset at, DateOnly today)
    {
        var p = new FieldProblems();
        var text = p.Text(body.Text, "text", MaxTextLength);
        var addressee = await AddresseeAsync(p, body.Addressee);
        var evidence = await LinksAsync(p, body.Evidence, "evidence", EvidenceLinks);
        var madeOn = p.Date(body.MadeOn, "madeOn", required: false) ?? today;
        if (madeOn > today) p.Add("madeOn", "in_future", "madeOn must not be after today: a recommendation is recorded once it is made.");
        var due = p.Date(body.ResponseDue, "responseDue", required: false) ?? RecommendationLifecycle.DefaultResponseDue(madeOn, committee.ResponseMonths);
        if (due <= madeOn) p.Add("responseDue", "not_after_made", "responseDue must be after the day the recommendation is made.");
        return p.Any
            ? (null, p.List)
            : (new Recommendation(id, committee.Id, text!, addressee!, evidence, madeOn, due, actor, at, null, [], null), p.List);
    }

    public (RecommendationResponse? Response, List<FieldProblem> Problems) Response(Recommendation recommendation, ResponseBody body, string actor,
        DateTimeOffset at)
    {
        var p = new FieldProblems();
        var decision = p.OneOf<ResponseDecision>(body.Decision, "decision");
        var reasons = p.Text(body.Reasons, "reasons", MaxTextLength);
        var implementBy = p.Date(body.ImplementBy, "implementBy", required: false);
        if (decision is ResponseDecision.Rejected && implementBy is not null)
            p.Add("implementBy", "not_allowed", "A rejected recommendation is not implemented: leave implementBy out.");
        else if (decision is ResponseDecision.Accepted or ResponseDecision.PartiallyAccepted && implementBy is null && !p.List.Any(x => x.Field == "implementBy"))
            p.Add("implementBy", "required", "implementBy is required when accepting: the day it will be in place, as yyyy-MM-dd.");
        else if (implementBy is { } by && by < recommendation.MadeOn)
            p.Add("implementBy", "before_made", "implementBy must not be before the day the recommendation was made.");
        return p.Any ? (null, p.List) : (new RecommendationResponse(decision!.Value, reasons!, implementBy, actor, at), p.List);
    }

    public (ImplementationUpdate? Update, List<FieldProblem> Problems) Update(ImplementationUpdateBody body, string actor, DateTimeOffset at)
    {
        var p = new FieldProblems();
        var status = p.OneOf<ImplementationStatus>(body.Status, "status");
        var text = p.Text(body.Text, "text", MaxTextLength);
        var evidence = p.Optional(body.Evidence, "evidence", MaxTitleLength);
        return p.Any ? (null, p.List) : (new ImplementationUpdate(status!.Value, text!, evidence, actor, at), p.List);
    }

    public (RecommendationClosure? Closure, List<FieldProblem> Problems) Closure(ClosureBody body, string actor, DateTimeOffset at)
    {
        var p = new FieldProblems();
        var note = p.Text(body.Note, "note", MaxTextLength);
        return p.Any ? (null, p.List) : (new RecommendationClosure(note!, actor, at), p.List);
    }

    public async Task<(Question? Question, List<FieldProblem> Problems)> QuestionAsync(Committee committee, string id, QuestionBody body, string actor,
        DateTimeOffset at, DateOnly today)
    {
        var p = new FieldProblems();
        var text = p.Text(body.Text, "text", MaxTextLength);
        var addressee = await AddresseeAsync(p, body.Addressee);
        var due = p.Date(body.DueOn, "dueOn", required: true);
        if (due is { } d && d <= today) p.Add("dueOn", "not_after_today", "dueOn must be after today: give the partner time to answer.");
        return p.Any ? (null, p.List) : (new Question(id, committee.Id, addressee!, text!, today, due!.Value, actor, at, null), p.List);
    }

    public (QuestionAnswer? Answer, List<FieldProblem> Problems) Answer(AnswerBody body, string actor, DateTimeOffset at)
    {
        var p = new FieldProblems();
        var text = p.Text(body.Answer, "answer", MaxTextLength);
        return p.Any ? (null, p.List) : (new QuestionAnswer(text!, actor, at), p.List);
    }

    private static List<DateOnly> Meetings(FieldProblems p, IReadOnlyList<string?>? days, bool required)
    {
        var meetings = new SortedSet<DateOnly>();
        if (days is null && required) p.Add("meetings", "required", "meetings is required: every meeting date, or [] for none.");
        for (var i = 0; i < (days?.Count ?? 0); i++)
            if (p.Date(days![i], $"meetings[{i}]", required: true) is { } day && !meetings.Add(day))
                p.Add($"meetings[{i}]", "duplicate", $"{DayText.Of(day)} is listed twice.");
        return [.. meetings];
    }

    private async Task<Addressee?> AddresseeAsync(FieldProblems p, AddresseeBody? body)
    {
        if (body is null)
        {
            p.Add("addressee", "required", "addressee is required: {\"kind\":\"agency\",\"code\":\"MFT\"} or {\"kind\":\"board\",\"code\":\"manchester-hwb\"}.");
            return null;
        }
        var kind = p.OneOf<AddresseeKind>(body.Kind, "addressee.kind");
        var code = body.Code?.Trim();
        if (string.IsNullOrEmpty(code)) p.Add("addressee.code", "required", "addressee.code is required: an agency's code or a board's id.");
        else if (kind == AddresseeKind.Agency && await catalogue.FindAgencyAsync(code) is null)
            p.Add("addressee.code", "unknown_agency", $"No agency has the code '{code}'.");
        else if (kind == AddresseeKind.Board && await catalogue.FindBoardAsync(code) is null)
            p.Add("addressee.code", "unknown_board", $"No board has the id '{code}'.");
        else if (kind is { } k) return new Addressee(k, code);
        return null;
    }

    private async Task<List<Link>> LinksAsync(FieldProblems p, IReadOnlyList<LinkBody?>? bodies, string field, IReadOnlySet<LinkKind> allowed)
    {
        var links = new List<Link>();
        if (bodies is null) return links;
        if (bodies.Count > MaxLinks) p.Add(field, "too_many", $"{field} has at most {MaxLinks} links.");
        var kinds = string.Join(", ", allowed.Select(k => CatalogueNames.Name(k)));
        for (var i = 0; i < Math.Min(bodies.Count, MaxLinks); i++)
        {
            var at = $"{field}[{i}]";
            var body = bodies[i];
            LinkKind? kind = null;
            if (string.IsNullOrWhiteSpace(body?.Kind)) p.Add($"{at}.kind", "required", $"{at}.kind is required: one of {kinds}.");
            else if (CatalogueNames.TryParse<LinkKind>(body.Kind.Trim(), out var k) && allowed.Contains(k)) kind = k;
            else p.Add($"{at}.kind", "not_one_of", $"{at}.kind must be one of {kinds}.");
            var reference = body?.Reference?.Trim();
            if (string.IsNullOrEmpty(reference)) { p.Add($"{at}.reference", "required", $"{at}.reference is required."); continue; }
            if (kind is not { } linkKind) continue;
            if (await ProblemAsync(linkKind, reference) is { } problem) p.Add($"{at}.reference", problem.Code, problem.Message);
            else if (links.Contains(new Link(linkKind, reference))) p.Add($"{at}.reference", "duplicate", $"'{reference}' is linked twice.");
            else links.Add(new Link(linkKind, reference));
        }
        return links;
    }

    private async Task<(string Code, string Message)?> ProblemAsync(LinkKind kind, string reference)
    {
        switch (kind)
        {
            case LinkKind.Indicator:
                if (reference.Split('/') is not [var place, var indicator])
                    return ("invalid_reference", "An indicator is linked as {place}/{indicator}, such as E08000003/delayed-discharge-days.");
                if (await catalogue.FindPlaceAsync(place) is null) return ("unknown_place", $"No place has the code '{place}'.");
                if (await catalogue.FindIndicatorAsync(indicator) is null) return ("unknown_indicator", $"No indicator has the code '{indicator}'.");
                return null;
            case LinkKind.Commitment:
                if (reference.Split('/') is not [var boardId, var commitment])
                    return ("invalid_reference", "A commitment is linked as {board}/{commitment}.");
                if (await catalogue.FindBoardAsync(boardId) is null) return ("unknown_board", $"No board has the id '{boardId}'.");
                var records = await grains.Grain<IPartnershipBoardGrain>(boardId).GetBoardAsync(DataView.All);
                return records?.Commitments.Any(c => c.Commitment.Id == commitment) == true
                    ? null
                    : ("unknown_commitment", $"{boardId} has no commitment '{commitment}'.");
            case LinkKind.Board:
                return await catalogue.FindBoardAsync(reference) is null ? ("unknown_board", $"No board has the id '{reference}'.") : null;
            default:
                return await panels.FindAsync(reference) is null ? ("unknown_panel", $"No panel has the id '{reference}'.") : null;
        }
    }
}

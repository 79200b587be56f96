using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Boards;

/// <summary>
/// Checks a board's request bodies field by field against the catalogue and the board, naming every problem's field
/// (<c>milestones</c>, <c>contributingAgencies[1]</c>), and turns a clean body into the grain's draft.
/// </summary>
public sealed class BoardBodyRules(ICatalogue catalogue)
{
    public const int MaxTitleLength = 300;
    public const int MaxTextLength = 4000;
    public const int MaxReasonLength = 500;

    /// <summary>The largest amount one entry may carry, £1bn: more is a typing slip, not a board's fund.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    public async Task<(CommitmentDraft? Draft, List<FieldProblem> Problems)> CommitmentAsync(PartnershipBoard board, CommitmentBody body)
    {
        var p = new Problems();
        var title = p.Text(body.Title, "title", MaxTitleLength);
        var result = p.Text(body.Result, "result", MaxTitleLength);
        var indicators = new List<string>();
        if (body.Indicators is not { Count: > 0 }) p.Add("indicators", "required", "Link at least one indicator; the first is the headline one.");
        else
            for (var i = 0; i < body.Indicators.Count; i++)
            {
                var code = body.Indicators[i]?.Trim();
                if (string.IsNullOrEmpty(code)) p.Add($"indicators[{i}]", "required", "An indicator code is required.");
                else if (indicators.Contains(code)) p.Add($"indicators[{i}]", "duplicate", $"'{code}' is linked twice.");
                else if (await catalogue.FindIndicatorAsync(code) is null) p.Add($"indicators[{i}]", "unknown_indicator", $"No indicator has the code '{code}'.");
                else indicators.Add(code);
            }
        var baseline = p.Measure(body.Baseline, "baseline");
        var target = p.Measure(body.Target, "target");
        if (baseline is not null && target is not null && target.Date < baseline.Date)
            p.Add("target.date", "before_baseline", "The target's date is before the baseline's.");
        var lead = p.Member(board, body.LeadAgency, "leadAgency");
        var contributing = new List<string>();
        for (var i = 0; i < (body.ContributingAgencies?.Count ?? 0); i++)
        {
            var field = $"contributingAgencies[{i}]";
            if (p.Member(board, body.ContributingAgencies![i], field) is not { } code) continue;
            if (code == lead) p.Add(field, "is_lead", $"{code} leads the commitment; list it once, as the lead.");
            else if (contributing.Contains(code)) p.Add(field, "duplicate", $"{code} is listed twice.");
            else contributing.Add(code);
        }
        return p.Any ? (null, p.List) : (new CommitmentDraft(title!, result!, indicators, baseline, target, lead!, contributing), p.List);
    }

    public (MilestoneDraft? Draft, List<FieldProblem> Problems) Milestone(PartnershipBoard board, MilestoneBody body)
    {
        var p = new Problems();
        var title = p.Text(body.Title, "title", MaxTitleLength);
        var due = p.Date(body.Due, "due", required: true);
        var owner = p.Member(board, body.Owner, "owner");
        var completed = p.Date(body.CompletedOn, "completedOn", required: false);
        return p.Any ? (null, p.List) : (new MilestoneDraft(title!, due!.Value, owner!, completed), p.List);
    }

    public ((string Text, string? Evidence)? Update, List<FieldProblem> Problems) Update(UpdateBody body)
    {
        var p = new Problems();
        var text = p.Text(body.Text, "text", MaxTextLength);
        var evidence = p.Optional(body.Evidence, "evidence", MaxTitleLength);
        return p.Any ? (null, p.List) : ((text!, evidence), p.List);
    }

    public ((CommitmentStatus? Status, string Reason)? Override, List<FieldProblem> Problems) Override(OverrideBody body)
    {
        var p = new Problems();
        CommitmentStatus? status = null;
        if (body.Status is not null)
        {
            if (CatalogueNames.TryParse<CommitmentStatus>(body.Status, out var s)) status = s;
            else p.Add("status", "not_one_of", $"status must be one of {string.Join(", ", CatalogueNames.Names<CommitmentStatus>())}, or null to clear the override.");
        }
        var reason = p.Text(body.Reason, "reason", MaxReasonLength);
        return p.Any ? (null, p.List) : ((status, reason!), p.List);
    }

    public (FundEntryDraft? Draft, List<FieldProblem> Problems) Fund(PartnershipBoard board, IReadOnlyCollection<string> commitments, FundBody body)
    {
        var p = new Problems();
        FundEntryKind? kind = null;
        if (string.IsNullOrWhiteSpace(body.Kind)) p.Add("kind", "required", "kind is required: contribution or spend.");
        else if (CatalogueNames.TryParse<FundEntryKind>(body.Kind, out var k)) kind = k;
        else p.Add("kind", "not_one_of", "kind must be contribution or spend.");
        var on = p.Date(body.On, "on", required: true);
        var agency = p.Member(board, body.Agency, "agency");
        var commitment = string.IsNullOrWhiteSpace(body.Commitment) ? null : body.Commitment.Trim();
        if (kind == FundEntryKind.Spend && commitment is null) p.Add("commitment", "required", "A spend is against a commitment: name it.");
        else if (kind == FundEntryKind.Contribution && commitment is not null)
            p.Add("commitment", "not_allowed", "A contribution goes into the fund as a whole, not to a commitment.");
        else if (commitment is not null && !commitments.Contains(commitment))
            p.Add("commitment", "unknown_commitment", $"The board has no commitment '{commitment}'.");
        long? pence = null;
        if (body.Amount is not { } amount) p.Add("amount", "required", "amount is required, in pounds (1250.50).");
        else if (amount == 0) p.Add("amount", "zero", "amount must not be 0 (a correction is a negative amount).");
        else if (Math.Abs(amount) > MaxAmount) p.Add("amount", "out_of_range", $"amount must be no more than £{MaxAmount:N0} either way.");
        else if (decimal.Round(amount, 2) != amount) p.Add("amount", "too_precise", "amount is in pounds and pence: at most two decimal places.");
        else pence = (long)(amount * 100);
        var note = p.Optional(body.Note, "note", MaxTitleLength);
        return p.Any ? (null, p.List) : (new FundEntryDraft(kind!.Value, on!.Value, agency!, commitment, pence!.Value, note), p.List);
    }

    public async Task<((string Story, List<CurvePartner> Partners, List<WhatWorksIdea> WhatWorks)? Plan, List<FieldProblem> Problems)>
        TurnTheCurveAsync(TurnTheCurveBody body)
    {
        var p = new Problems();
        var story = p.Text(body.Story, "story", MaxTextLength);
        var partners = new List<CurvePartner>();
        for (var i = 0; i < (body.Partners?.Count ?? 0); i++)
        {
            var partner = body.Partners![i];
            var agency = partner?.Agency?.Trim();
            if (string.IsNullOrEmpty(agency)) p.Add($"partners[{i}].agency", "required", "An agency code is required.");
            else if (await catalogue.FindAgencyAsync(agency) is null) p.Add($"partners[{i}].agency", "unknown_agency", $"No agency has the code '{agency}'.");
            var role = p.Text(partner?.Role, $"partners[{i}].role", MaxTitleLength);
            if (!string.IsNullOrEmpty(agency) && role is not null) partners.Add(new CurvePartner(agency, role));
        }
        var ideas = new List<WhatWorksIdea>();
        for (var i = 0; i < (body.WhatWorks?.Count ?? 0); i++)
        {
            var idea = p.Text(body.WhatWorks![i]?.Idea, $"whatWorks[{i}].idea", MaxTitleLength);
            if (!CatalogueNames.TryParse<IdeaCost>(body.WhatWorks[i]?.Cost, out var cost))
                p.Add($"whatWorks[{i}].cost", "not_one_of", $"cost must be one of {string.Join(", ", CatalogueNames.Names<IdeaCost>())}.");
            else if (idea is not null) ideas.Add(new WhatWorksIdea(idea, cost));
        }
        if (!p.List.Any(x => x.Field.StartsWith("whatWorks", StringComparison.Ordinal)) && !TurnTheCurvePlan.HasLowCostIdea(ideas))
            p.Add("whatWorks", "no_low_cost_idea", "List at least one idea of what works that costs little or nothing (cost no_cost or low_cost).");
        return p.Any ? (null, p.List) : ((story!, partners, ideas), p.List);
    }

    /// <param name="commitments">The board's commitments' ids: a cohort's commitments are the board's own.</param>
    public async Task<(CohortDraft? Draft, List<FieldProblem> Problems)> CohortAsync(PartnershipBoard board, IReadOnlyCollection<string> commitments,
        CohortBody body)
    {
        var p = new Problems();
        var name = p.Text(body.Name, "name", MaxTitleLength);
        var description = p.Text(body.Description, "description", MaxTextLength);
        var eligibility = p.Text(body.Eligibility, "eligibility", MaxTextLength);
        var agencies = new List<string>();
        if (body.Agencies is not { Count: > 0 }) p.Add("agencies", "required", "agencies is required: the member agencies that work with the cohort.");
        for (var i = 0; i < (body.Agencies?.Count ?? 0); i++)
            if (p.Member(board, body.Agencies![i], $"agencies[{i}]") is { } code && !Added(agencies, code))
                p.Add($"agencies[{i}]", "duplicate", $"{code} is listed twice.");

        var size = body.SizeIndicator?.Trim();
        if (string.IsNullOrEmpty(size)) p.Add("sizeIndicator", "required", "sizeIndicator is required: the indicator (a count) the cohort's size is returned as.");
        else if (await catalogue.FindIndicatorAsync(size) is not { } sizeIndicator) p.Add("sizeIndicator", "unknown_indicator", $"No indicator has the code '{size}'.");
        else if (sizeIndicator.Unit != IndicatorUnit.Count) p.Add("sizeIndicator", "not_a_count", $"{sizeIndicator.Title} is not a count: a cohort's size is the number of people in it.");

        var outcomes = new List<string>();
        for (var i = 0; i < (body.Outcomes?.Count ?? 0); i++)
        {
            var code = body.Outcomes![i]?.Trim();
            if (string.IsNullOrEmpty(code)) p.Add($"outcomes[{i}]", "required", "An indicator code is required.");
            else if (await catalogue.FindIndicatorAsync(code) is null) p.Add($"outcomes[{i}]", "unknown_indicator", $"No indicator has the code '{code}'.");
            else if (!Added(outcomes, code)) p.Add($"outcomes[{i}]", "duplicate", $"'{code}' is listed twice.");
        }
        var served = new List<string>();
        for (var i = 0; i < (body.Commitments?.Count ?? 0); i++)
        {
            var id = body.Commitments![i]?.Trim();
            if (string.IsNullOrEmpty(id)) p.Add($"commitments[{i}]", "required", "A commitment's id is required.");
            else if (!commitments.Contains(id)) p.Add($"commitments[{i}]", "unknown_commitment", $"The board has no commitment '{id}'.");
            else if (!Added(served, id)) p.Add($"commitments[{i}]", "duplicate", $"'{id}' is listed twice.");
        }
        return p.Any ? (null, p.List) : (new CohortDraft(name!, description!, eligibility!, agencies, size!, outcomes, served), p.List);
    }

    private static bool Added(List<string> list, string item)
    {
        if (list.Contains(item)) return false;
        list.Add(item);
        return true;
    }

    public ((string? Chair, List<DateOnly> Meetings)? Details, List<FieldProblem> Problems) Details(BoardDetailsBody body)
    {
        var p = new Problems();
        var chair = p.Optional(body.Chair, "chair", MaxTitleLength);
        var meetings = new SortedSet<DateOnly>();
        if (body.Meetings is null) p.Add("meetings", "required", "meetings is required: every meeting date, or [] for none.");
        for (var i = 0; i < (body.Meetings?.Count ?? 0); i++)
            if (p.Date(body.Meetings![i], $"meetings[{i}]", required: true) is { } day && !meetings.Add(day))
                p.Add($"meetings[{i}]", "duplicate", $"{day:yyyy-MM-dd} is listed twice.");
        return p.Any ? (null, p.List) : ((chair, [.. meetings]), p.List);
    }

    /// <summary>The shared checks, and those only a board's records need.</summary>
    private sealed class Problems : FieldProblems
    {
        public Measure? Measure(MeasureBody? body, string field)
        {
            if (body is null) return null;
            if (body.Value is not { } value) Add($"{field}.value", "required", $"{field}.value is required.");
            else if (!double.IsFinite(value)) Add($"{field}.value", "not_finite", $"{field}.value must be a finite number.");
            var date = Date(body.Date, $"{field}.date", required: true);
            return body.Value is { } v && double.IsFinite(v) && date is { } d ? new Measure(v, d) : null;
        }

        public string? Member(PartnershipBoard board, string? agency, string field)
        {
            var code = agency?.Trim();
            if (string.IsNullOrEmpty(code)) Add(field, "required", $"{field} is required: a member agency's code.");
            else if (!board.MemberAgencies.Contains(code)) Add(field, "not_member", $"{code} does not sit on {board.Name}.");
            else return code;
            return null;
        }
    }
}

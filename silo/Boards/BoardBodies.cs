namespace Scrutiny.Silo.Boards;

/// <summary>A value of the headline indicator on a date (<c>yyyy-MM-dd</c>).</summary>
public sealed record MeasureBody(double? Value, string? Date);

/// <summary>The body of creating or replacing a commitment.</summary>
public sealed record CommitmentBody(
    string? Title, string? Result, IReadOnlyList<string?>? Indicators, MeasureBody? Baseline, MeasureBody? Target,
    string? LeadAgency, IReadOnlyList<string?>? ContributingAgencies);

public sealed record MilestoneBody(string? Title, string? Due, string? Owner, string? CompletedOn);

public sealed record UpdateBody(string? Text, string? Evidence);

/// <summary>A status name to override with, or null to clear the override; a reason either way.</summary>
public sealed record OverrideBody(string? Status, string? Reason);

/// <summary>Money in pounds, at most two decimal places: <c>1250.50</c>.</summary>
public sealed record FundBody(string? Kind, string? On, string? Agency, string? Commitment, decimal? Amount, string? Note);

public sealed record CurvePartnerBody(string? Agency, string? Role);

public sealed record WhatWorksBody(string? Idea, string? Cost);

public sealed record TurnTheCurveBody(string? Story, IReadOnlyList<CurvePartnerBody?>? Partners, IReadOnlyList<WhatWorksBody?>? WhatWorks);

/// <summary>
/// A cohort: who is in it in words, the member agencies that work with it, the indicator (a count) its size is returned as,
/// the indicators measuring its outcomes, and the board's commitments whose work is for it.
/// </summary>
public sealed record CohortBody(
    string? Name, string? Description, string? Eligibility, IReadOnlyList<string?>? Agencies, string? SizeIndicator,
    IReadOnlyList<string?>? Outcomes, IReadOnlyList<string?>? Commitments);

/// <summary>Who chairs the board and its meeting dates (every one, past and planned: the list replaces the old).</summary>
public sealed record BoardDetailsBody(string? Chair, IReadOnlyList<string?>? Meetings);

namespace Scrutiny.Grains.Boards;

/// <summary>How much an idea of "what works" costs: RBA asks for at least one that costs little or nothing.</summary>
[GenerateSerializer]
public enum IdeaCost
{
    NoCost,
    LowCost,
    Funded,
}

/// <summary>A partner with a role to play in turning the curve, and the role.</summary>
[GenerateSerializer, Immutable]
public sealed record CurvePartner(string Agency, string Role);

/// <summary>An idea of what works, and what it costs.</summary>
[GenerateSerializer, Immutable]
public sealed record WhatWorksIdea(string Idea, IdeaCost Cost);

/// <summary>
/// Turn the Curve for one indicator of the board's place: the story behind the curve, the partners with a role to
/// play, and what works. The history and baseline forecast come from the indicator's series, and the action plan is
/// the board's commitments linked to the indicator, so neither is copied here.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TurnTheCurvePlan(
    string Indicator, string Story, IReadOnlyList<CurvePartner> Partners, IReadOnlyList<WhatWorksIdea> WhatWorks,
    string UpdatedBy, DateTimeOffset UpdatedAt)
{
    /// <summary>At least one idea must cost little or nothing: the RBA rule that stops a plan waiting for money.</summary>
    public static bool HasLowCostIdea(IEnumerable<WhatWorksIdea> ideas) => ideas.Any(i => i.Cost is IdeaCost.NoCost or IdeaCost.LowCost);
}

using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Scorecards;

/// <summary>A place's scorecard: every indicator of the catalogue, by theme and then title, as of <see cref="AsOf"/>.</summary>
public sealed record Scorecard(Place Place, Place? Parent, DateOnly AsOf, IReadOnlyList<ScorecardRow> Rows)
{
    /// <summary>The themes of the catalogue, in order.</summary>
    public IReadOnlyList<string> Themes => [.. Rows.Select(r => r.Indicator.Theme).Distinct(StringComparer.Ordinal)];
}

using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Scorecards;

/// <summary>
/// Which rows of a scorecard to show and in what order, from the query string (<c>?variation=concern&amp;england=worse</c>
/// is "of concern and worse than England"): the page's form and the CSV export read the same parameters. Values of one
/// parameter widen (concern or improving); different parameters narrow. Empty sets mean any.
/// </summary>
public sealed record ScorecardFilter(
    IReadOnlySet<VariationGroup> Variation, IReadOnlySet<BenchmarkOutcome> England, string? Theme, ScorecardSort Sort)
{
    public const string VariationParameter = "variation";
    public const string EnglandParameter = "england";
    public const string ThemeParameter = "theme";
    public const string SortParameter = "sort";

    public static readonly ScorecardFilter None = new(new HashSet<VariationGroup>(), new HashSet<BenchmarkOutcome>(), null, ScorecardSort.Theme);

    public bool Narrows => Variation.Count > 0 || England.Count > 0 || Theme is not null;

    public IReadOnlyList<ScorecardRow> Apply(IEnumerable<ScorecardRow> rows) =>
    [
        .. ScorecardOrder.Apply(rows.Where(r =>
            (Variation.Count == 0 || r.Variation is { } v && Variation.Contains(v)) &&
            (England.Count == 0 || r.England is { } e && England.Contains(e.Outcome)) &&
            (Theme is null || r.Indicator.Theme == Theme)), Sort),
    ];

    /// <summary>The query string that gives this filter back (empty for none), to carry it to the CSV link.</summary>
    public string ToQuery()
    {
        var pairs = Variation.Order().Select(v => (VariationParameter, CatalogueNames.Name(v)))
            .Concat(England.Order().Select(e => (EnglandParameter, CatalogueNames.Name(e))))
            .Concat(Theme is null ? [] : [(ThemeParameter, Theme)])
            .Concat(Sort == ScorecardSort.Theme ? [] : [(SortParameter, CatalogueNames.Name(Sort))])
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}")
            .ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs);
    }

    /// <summary>
    /// Reads the parameters; every value that is not one of the names, or a theme not in <paramref name="themes"/>,
    /// is a problem naming its parameter (and left out of the filter). Blank values mean any.
    /// </summary>
    public static ScorecardFilter Parse(IEnumerable<string?>? variation, IEnumerable<string?>? england, string? theme, string? sort,
        IReadOnlyCollection<string> themes, out IReadOnlyList<FieldProblem> problems)
    {
        var found = new List<FieldProblem>();
        var filter = new ScorecardFilter(
            Names<VariationGroup>(VariationParameter, variation, found),
            Names<BenchmarkOutcome>(EnglandParameter, england, found),
            string.IsNullOrWhiteSpace(theme) ? null : themes.Contains(theme) ? theme : Unknown<string>(ThemeParameter, theme, themes, found),
            string.IsNullOrWhiteSpace(sort) ? ScorecardSort.Theme
                : CatalogueNames.TryParse<ScorecardSort>(sort, out var s) ? s
                : Unknown<ScorecardSort>(SortParameter, sort, CatalogueNames.Names<ScorecardSort>(), found));
        problems = found;
        return filter;
    }

    private static HashSet<T> Names<T>(string parameter, IEnumerable<string?>? values, List<FieldProblem> problems) where T : struct, Enum
    {
        var set = new HashSet<T>();
        foreach (var value in values ?? [])
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (CatalogueNames.TryParse<T>(value, out var parsed)) set.Add(parsed);
            else Unknown<T>(parameter, value, CatalogueNames.Names<T>(), problems);
        }
        return set;
    }

    private static T? Unknown<T>(string parameter, string value, IEnumerable<string> allowed, List<FieldProblem> problems)
    {
        problems.Add(new FieldProblem(parameter, "not_one_of", $"{parameter} '{value}' is not one of {string.Join(", ", allowed)}."));
        return default;
    }
}

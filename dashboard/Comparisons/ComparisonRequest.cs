using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Comparisons;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Dashboard.Comparisons;

/// <summary>The answer to a <see cref="ComparisonQuery"/>: the comparison, or what is wrong with the question, by field.</summary>
public sealed record ComparisonAnswer(ComparisonScope? Scope, Comparison? Comparison, IReadOnlyList<FieldProblem> Problems);

/// <summary>One way the compare page and its CSV read a question and check it, so that both answer alike.</summary>
public static class ComparisonRequest
{
    public static async Task<ComparisonScope?> ScopeAsync(PlaceComparison comparisons, ComparisonQuery query, List<FieldProblem> problems,
        CancellationToken cancellationToken)
    {
        var field = CatalogueNames.Name(query.Kind);
        var scope = query.ScopeId is { } id ? await comparisons.ScopeAsync(query.Kind, id, cancellationToken) : null;
        if (scope is null)
            problems.Add(new(field, query.ScopeId is null ? "required" : "unknown",
                query.Kind == ScopeKind.Group ? "Choose a comparator group" : "Choose a type of place"));
        return scope;
    }

    public static async Task<ComparisonAnswer> CompareAsync(PlaceComparison comparisons, VisibleOutcomes outcomes, ICatalogue catalogue,
        ComparisonQuery query, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var indicator = string.IsNullOrWhiteSpace(query.Indicator) ? null : await catalogue.FindIndicatorAsync(query.Indicator.Trim(), cancellationToken);
        if (indicator is null) problems.Add(new("indicator", "required", "Choose an indicator"));
        var scope = await ScopeAsync(comparisons, query, problems, cancellationToken);
        var period = string.IsNullOrWhiteSpace(query.Period) ? null : query.Period.Trim();
        if (indicator is not null && period is not null && !Period.TryParse(period, indicator.Frequency, out _))
            problems.Add(new("period", "not_a_period", $"Choose a period from the list: {indicator.Title} is {CatalogueNames.Name(indicator.Frequency).Replace('_', ' ')}, such as {Period.Example(indicator.Frequency)}"));
        if (problems.Count > 0 || indicator is null || scope is null) return new(scope, null, problems);

        var comparison = await comparisons.CompareAsync(outcomes, scope, indicator.Code, period, cancellationToken);
        return new(scope, comparison, problems);
    }
}

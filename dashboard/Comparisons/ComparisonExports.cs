using System.Security.Claims;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Comparisons;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Dashboard.Comparisons;

/// <summary>The comparison pages' downloads (CSV or workbook), asked with the same query strings as the pages.</summary>
public static class ComparisonExports
{
    public static IEndpointRouteBuilder MapComparisonExports(this IEndpointRouteBuilder endpoints)
    {
        // Public, as the pages they come from are: every figure in them is already on a public page. The /api/v1
        // reads, which need a key, serve programs rather than people following a "Download" link.
        TableRoutes.Map(ComparePaths.CompareCsv, route => endpoints.MapGet(route, CompareAsync)).AllowAnonymous().ExcludeFromDescription();
        TableRoutes.Map(ComparePaths.HeatMapCsv, route => endpoints.MapGet(route, HeatMapAsync)).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> CompareAsync(string? indicator, string? by, string? type, string? group, string? period,
        PlaceComparison comparisons, ICatalogue catalogue, DataViews views, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcomes = views.For(user);
        var answer = await ComparisonRequest.CompareAsync(comparisons, outcomes, catalogue, new(indicator, by, type, group, period), cancellationToken);
        if (answer.Comparison is not { } comparison) return Problem(answer.Problems);
        return new TableFile($"compare_{comparison.Indicator.Code}_{comparison.Scope.Id}_{comparison.Period ?? "none"}",
            csv => ComparisonCsv.Write(csv, [comparison]),
            ComparisonCsv.About($"{comparison.Indicator.Title}: {comparison.Scope.Name}, {comparison.Period ?? "no period"}", comparison.Scope, TableViews.Of(outcomes)));
    }

    private static async Task<IResult> HeatMapAsync(string? by, string? type, string? group, PlaceComparison comparisons,
        DataViews views, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var problems = new List<Silo.Api.FieldProblem>();
        var scope = await ComparisonRequest.ScopeAsync(comparisons, new(null, by, type, group, null), problems, cancellationToken);
        if (scope is null) return Problem(problems);
        var outcomes = views.For(user);
        var map = await comparisons.HeatMapAsync(outcomes, scope, cancellationToken);
        return new TableFile($"heat-map_{scope.Id}", csv => ComparisonCsv.Write(csv, map.Columns),
            ComparisonCsv.About($"Heat map: {scope.Name}, every indicator", scope, TableViews.Of(outcomes)));
    }

    private static IResult Problem(IReadOnlyList<Silo.Api.FieldProblem> problems) => Results.Problem(
        title: "The comparison cannot be made.", statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["errors"] = problems });
}

using Scrutiny.Silo.Api;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Dashboard.Committees;

/// <summary>A committee's recommendations register as CSV or a workbook, filtered as its page is.</summary>
public static class CommitteeExports
{
    public static IEndpointRouteBuilder MapCommitteeExports(this IEndpointRouteBuilder endpoints)
    {
        // Public, as the committee's page is: scrutiny is done in public, and the register names bodies, never people
        // or keys. The /api/v1 register needs a key; a resident or a clerk following the page's link has none.
        TableRoutes.Map("/committees/{id}/recommendations.csv", route => endpoints.MapGet(route, CsvAsync)).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> CsvAsync(string id, string? state, string? addressee, string? overdue, CommitteeStore committees,
        RecommendationRegister register, CancellationToken cancellationToken)
    {
        var (filter, problems) = RegisterFilter.Parse(state, addressee, overdue);
        if (problems.Count > 0) return ApiResults.Invalid(problems);
        if (await committees.FindAsync(id, cancellationToken) is null) return Results.NotFound();
        var entries = await register.ListAsync(new RecommendationScope(id), filter, cancellationToken);
        return new TableFile($"{id}-recommendations", csv => RecommendationCsv.Write(csv, entries), RecommendationCsv.About(id, TableView.Public));
    }
}

using Scrutiny.Dashboard.Agencies;
using Scrutiny.Silo.Audit;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Dashboard.Admin;

/// <summary>The administration pages' endpoints that render no page: the audit log's download (CSV or workbook).</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        TableRoutes.Map(AdminPaths.AuditCsv, route => endpoints.MapGet(route, AuditCsvAsync)).RequireAuthorization(AgencySignIn.AdminPolicy).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Every row the page's search matches (not just one page), written as the API writes it.</summary>
    private static async Task<IResult> AuditCsvAsync(string? actor, string? action, string? subject, string? from, string? to,
        AuditSearch search, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        var (filter, problems) = AuditFilter.Parse(actor, action, subject, from, to);
        if (problems.Count > 0) return Results.BadRequest(string.Join(". ", problems.Select(p => p.Message)));
        return AuditCsv.Download(await AuditCsv.RowsAsync(search, filter, TableRoutes.FormatOf(context), cancellationToken), time.GetUtcNow());
    }
}

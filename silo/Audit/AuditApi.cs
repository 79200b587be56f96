using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Api.Places;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/audit", SearchAsync)
            .ForAdministrators()
            .Produces<AuditPage>()
            .Produces(StatusCodes.Status200OK, null, ExportFormats.CsvMediaType, ExportFormats.XlsxMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("SearchAudit")
            .WithSummary("The audit log, newest first: actor and subject containing text, one action, days from and to (UTC, inclusive). " +
                "JSON 50 rows a page (?page=), or ?format=csv for every matching row (?format=xlsx: a workbook, up to " + $"{TableFile.MaxWorkbookRows:N0} rows).");
        return endpoints;
    }

    private static async Task<IResult> SearchAsync(string? actor, string? action, string? subject, string? from, string? to, string? format,
        string? page, AuditSearch search, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryParse(format, out var exportFormat)) return ExportFormats.Unknown(format);
        var (filter, filterProblems) = AuditFilter.Parse(actor, action, subject, from, to);
        var (pageNumber, pageProblem) = PageNumber.Parse(page);
        IReadOnlyList<FieldProblem> problems = pageProblem is null ? filterProblems : [.. filterProblems, pageProblem];
        if (problems.Count > 0)
            return Results.Problem(title: "Invalid search.", detail: string.Join(". ", problems.Select(p => p.Message)) + ".",
                statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = problems });
        return exportFormat != ExportFormat.Json
            ? AuditCsv.Download(await AuditCsv.RowsAsync(search, filter, exportFormat.AsTable(), cancellationToken), time.GetUtcNow())
                with { Format = exportFormat.AsTable() }
            : Results.Ok(await search.SearchAsync(filter, pageNumber, cancellationToken));
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Xlsx;

namespace Scrutiny.Silo.Tables;

/// <summary>
/// A table download: the rows one table writer writes, answered as CSV or as a workbook whose first sheet holds the
/// same rows (so that the two files never differ) and whose "About" sheet says what they are, where and when they were
/// downloaded, whose view they hold and under what licence. The format is the caller's (<see cref="Format"/>, from an
/// API's <c>?format=</c>) or else the route's (<see cref="TableRoutes.Map"/>).
/// </summary>
public sealed record TableFile(string Stem, Action<IRowWriter> Write, TableAbout About) : IResult
{
    /// <summary>
    /// A workbook is written whole in memory (a zip is finished at its end), each cell an object, so it has a bound the
    /// CSV lacks; a tenth of what Excel's sheet holds (1,048,576 rows), far above any one place's table. The audit log's
    /// full export is the one table that may pass it: that is asked for by dates, or as CSV.
    /// </summary>
    public const int MaxWorkbookRows = 100_000;

    public TableFormat? Format { get; init; }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var format = Format ?? TableRoutes.FormatOf(httpContext);
        var result = format == TableFormat.Xlsx ? Workbook(httpContext) : SafeCsv.Download(Stem + ".csv", Write);
        return result.ExecuteAsync(httpContext);
    }

    private IResult Workbook(HttpContext context)
    {
        var rows = new XlsxRowWriter();
        Write(rows);
        var count = Math.Max(0, rows.Rows.Count - 1);
        if (count > MaxWorkbookRows)
            return Results.Problem(title: "Too many rows for a workbook.", statusCode: StatusCodes.Status400BadRequest,
                detail: $"The table has more than {MaxWorkbookRows:N0} rows, which a workbook download holds at most. Ask for fewer (a shorter time, a filter), or download it as CSV.");
        // The About sheet's time differs from one download to the next, and so do a zip's entry times: the open-data
        // validator is taken from the rows, which are what the workbook means (written again as CSV only for it).
        ConditionalGets.UseWeakValidator(context, () => SafeCsv.Write(Write));
        return XlsxWriter.Download(Stem + ".xlsx",
            new XlsxSheet(About.Sheet, rows.Rows) { FreezeHeader = true },
            new XlsxSheet("About", AboutRows(context, rows.Rows, count)) { Widths = [18, 100] });
    }

    private IEnumerable<IReadOnlyList<object?>> AboutRows(HttpContext context, IReadOnlyList<IReadOnlyList<object?>> rows, int count)
    {
        var now = (context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        yield return ["field", "value"];
        yield return ["title", About.Title];
        yield return ["description", About.Description];
        yield return ["downloaded_from", Address(context.Request)];
        yield return ["downloaded_at", now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)];
        yield return ["view", TableViews.Words(About.View)];
        if (About.View == TableView.Public) yield return ["licence", TableViews.Licence];
        yield return ["rows", count];
        yield return ["columns", rows.Count > 0 ? string.Join(", ", rows[0].Select(c => c as string)) : ""];
        foreach (var (field, value) in About.Facts) yield return [field, value];
        yield return ["csv", "The same rows download as CSV from the same address ending .csv (or with ?format=csv on the API)."];
    }

    /// <summary>The address the table was asked at, less a key a client put in the query.</summary>
    private static string Address(HttpRequest request)
    {
        var query = QueryString.Create(request.Query
            .Where(q => !q.Key.Equals(ApiKeyAuthenticationHandler.AccessTokenParameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query);
    }
}

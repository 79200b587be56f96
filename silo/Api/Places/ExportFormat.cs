using Microsoft.AspNetCore.Http;
using Scrutiny.Silo.Returns;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Api.Places;

/// <summary>
/// How a read answers: JSON (the default), CSV for a spreadsheet (<c>?format=csv</c>), or an Excel workbook
/// (<c>?format=xlsx</c>) holding the CSV's rows and, on a second sheet, what they are.
/// </summary>
public enum ExportFormat
{
    Json,
    Csv,
    Xlsx,
}

public static class ExportFormats
{
    /// <summary>The media types of a read's table answers, for the OpenAPI description.</summary>
    public const string CsvMediaType = "text/csv", XlsxMediaType = XlsxWorkbook.MediaType;

    public static bool TryParse(string? format, out ExportFormat value)
    {
        value = format?.ToLowerInvariant() switch
        {
            null or "" or "json" => ExportFormat.Json,
            "csv" => ExportFormat.Csv,
            "xlsx" => ExportFormat.Xlsx,
            _ => (ExportFormat)(-1),
        };
        return Enum.IsDefined(value);
    }

    public static IResult Unknown(string? format) => Results.Problem(
        title: "Unknown format.", detail: $"format must be json, csv or xlsx, not '{format}'.", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>The table file a CSV or workbook read answers (not for JSON).</summary>
    public static TableFile Table(this ExportFormat format, string stem, Action<Csv.IRowWriter> write, TableAbout about) =>
        new(stem, write, about) { Format = format.AsTable() };

    public static TableFormat AsTable(this ExportFormat format) => format == ExportFormat.Xlsx ? TableFormat.Xlsx : TableFormat.Csv;
}

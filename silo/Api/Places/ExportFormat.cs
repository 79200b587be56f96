using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Api.Places;

/// <summary>How a read answers: JSON (the default) or CSV for a spreadsheet (<c>?format=csv</c>).</summary>
public enum ExportFormat
{
    Json,
    Csv,
}

public static class ExportFormats
{
    public static bool TryParse(string? format, out ExportFormat value)
    {
        value = format?.ToLowerInvariant() switch
        {
            null or "" or "json" => ExportFormat.Json,
            "csv" => ExportFormat.Csv,
            _ => (ExportFormat)(-1),
        };
        return Enum.IsDefined(value);
    }

    public static IResult Unknown(string? format) => Results.Problem(
        title: "Unknown format.", detail: $"format must be json or csv, not '{format}'.", statusCode: StatusCodes.Status400BadRequest);
}

using System.Globalization;
using Scrutiny.Silo.Returns;

using Scrutiny.Silo.Api;

namespace Scrutiny.Dashboard.Agencies;

/// <summary>The single-value form's fields, as typed, so that they can be shown again after a mistake.</summary>
public sealed class NewReturnForm
{
    public string? Place { get; set; }
    public string? Indicator { get; set; }
    public string? Period { get; set; }
    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    public string? Note { get; set; }

    /// <summary>The form as row 1 of a batch, read by the same rules as a CSV file's row.</summary>
    public ParsedRow ToParsedRow()
    {
        var problems = new List<RowProblem>();
        double? Number(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
            problems.Add(new RowProblem(1, field, "not_a_number", $"Enter the {field} as a number, like 1234.5, without commas"));
            return null;
        }
        var row = new ReturnRow(Trimmed(Place), Trimmed(Indicator), Trimmed(Period), Number(Numerator, "numerator"), Number(Denominator, "denominator"),
            string.IsNullOrWhiteSpace(Note) ? null : Note);
        return new ParsedRow(1, row, problems);
    }

    /// <summary>
    /// The input a problem's field is about. Problems with the row as a whole (or the batch) point at the first
    /// input, so that the error summary's link still goes somewhere.
    /// </summary>
    public static string InputFor(string field) => field switch
    {
        "place" or "indicator" or "period" or "numerator" or "denominator" or "note" => field,
        _ => "place",
    };

    /// <summary>
    /// A problem as the form words it: GOV.UK's "Select a place" where a field was left empty (the importer's words
    /// are about codes, as a file has them), the importer's own words otherwise.
    /// </summary>
    public static string MessageFor(RowProblem problem) => (problem.Field, problem.Code) switch
    {
        ("place", "required") => "Select a place",
        ("indicator", "required") => "Select an indicator",
        ("period", "required") => "Enter a period",
        ("numerator", "required") => "Enter the numerator",
        _ => problem.Message,
    };

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

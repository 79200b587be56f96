using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Csv;

/// <summary>
/// The one way Scrutiny writes CSV for people to open in spreadsheets. Notes and names are typed by agencies, so a
/// cell such as <c>=HYPERLINK("http://x","y")</c> would run as a formula in Excel (OWASP "CSV injection"): every
/// text cell is neutralised here, and every export goes through here.
/// </summary>
public static partial class SafeCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    // The characters a spreadsheet takes as the start of a formula: OWASP's list, with tab and carriage return,
    // which Excel skips before looking for one.
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// The cell as text a spreadsheet shows and never evaluates: a leading <c>'</c> before a formula start.
    /// A plain number (<c>-3.2</c>) is left alone, so that it stays a number.
    /// </summary>
    public static string Neutralise(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return "";
        if (Array.IndexOf(FormulaStarts, cell[0]) < 0 || PlainNumber().IsMatch(cell)) return cell;
        return "'" + cell;
    }

    /// <summary>
    /// A CSV download. Written whole before it is sent: exports are one indicator in one place, already in memory,
    /// and Kestrel refuses the synchronous writes CsvHelper makes when its buffer fills.
    /// </summary>
    public static IResult Download(string fileName, Action<SafeCsvWriter> write) => Results.File(Write(write), ContentType, fileName);

    /// <summary>The CSV's bytes, written whole.</summary>
    public static byte[] Write(Action<SafeCsvWriter> write)
    {
        var buffer = new MemoryStream();
        using (var csv = new SafeCsvWriter(buffer)) write(csv);
        return buffer.ToArray();
    }

    [GeneratedRegex(@"^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")]
    private static partial Regex PlainNumber();
}

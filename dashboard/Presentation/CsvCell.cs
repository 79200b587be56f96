namespace Scrutiny.Dashboard.Presentation;

/// <summary>One cell of a CSV file the dashboard hands out, safe to open in a spreadsheet.</summary>
public static class CsvCell
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>
    /// Quotes the text when it holds a comma, quote or line break (RFC 4180), and puts a <c>'</c> before text a
    /// spreadsheet would run as a formula (OWASP's advice on CSV injection), so that it shows as the text it is.
    /// </summary>
    public static string Write(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.IndexOfAny(FormulaStarts) == 0) text = "'" + text;
        return text.IndexOfAny(NeedsQuotes) >= 0 || text != text.Trim() ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Write)) + "\r\n";
}

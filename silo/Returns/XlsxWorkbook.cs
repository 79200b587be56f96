using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scrutiny.Silo.Returns;

/// <summary>Why a workbook cannot be read at all, worded for the person who sent it.</summary>
public sealed class XlsxRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// An uploaded <c>.xlsx</c> opened for reading, within limits that a zip bomb cannot get past: the archive's parts
/// may not claim more than <see cref="MaxUncompressedBytes"/> between them, no part may hold more than
/// <see cref="MaxCharactersInPart"/> characters of XML, and the text kept in memory (the shared strings) is capped at
/// <see cref="MaxSharedStringCharacters"/>. The worksheet itself is read a row at a time (<see cref="OpenXmlReader"/>), never whole.
/// </summary>
public sealed class XlsxWorkbook : IDisposable
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const long MaxUncompressedBytes = 256L * 1024 * 1024;
    public const long MaxCharactersInPart = 128L * 1024 * 1024;
    public const long MaxSharedStringCharacters = 16L * 1024 * 1024;
    private const int MaxZipEntries = 10_000;

    private readonly SpreadsheetDocument _document;
    private readonly List<string> _sharedStrings = [];
    private readonly bool[] _dateStyles;

    public string SheetName { get; }
    public WorksheetPart Sheet { get; }

    /// <summary>Dates count from 1 January 1904 rather than 1900 (old Mac workbooks).</summary>
    public bool Date1904 { get; }

    private XlsxWorkbook(SpreadsheetDocument document, string sheetName, WorksheetPart sheet, bool date1904)
    {
        _document = document;
        (SheetName, Sheet, Date1904) = (sheetName, sheet, date1904);
        var workbook = document.WorkbookPart!;
        _dateStyles = DateStyles(workbook.WorkbookStylesPart);
        if (workbook.SharedStringTablePart is { } strings) ReadSharedStrings(strings);
    }

    /// <summary>True when the bytes begin as a zip archive does (<c>PK\x03\x04</c>), as every .xlsx does.</summary>
    public static bool LooksLikeZip(ReadOnlySpan<byte> head) => head is [0x50, 0x4B, 0x03, 0x04, ..];

    /// <summary>
    /// Whether an uploaded file is to be read as a workbook: it begins as a zip or an old .xls does, or says it is an
    /// .xlsx (then reading it explains what it really is).
    /// </summary>
    public static bool IsWorkbook(ReadOnlySpan<byte> head, string? contentType) =>
        LooksLikeZip(head) || LooksLikeXls(head) || string.Equals(contentType, MediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>An old binary workbook (.xls) begins as every OLE compound file does.</summary>
    private static bool LooksLikeXls(ReadOnlySpan<byte> head) => head is [0xD0, 0xCF, 0x11, 0xE0, ..];

    /// <summary>Opens the workbook and picks the sheet to read: a visible one named "Returns", else the first visible one.</summary>
    public static XlsxWorkbook Open(MemoryStream bytes)
    {
        var head = bytes.GetBuffer().AsSpan(0, (int)Math.Min(bytes.Length, 8));
        if (LooksLikeXls(head))
            throw new XlsxRefusedException("not_xlsx", "This is an old-style .xls workbook; save it as an Excel Workbook (.xlsx) and upload that.");
        if (!LooksLikeZip(head))
            throw new XlsxRefusedException("not_xlsx", "The file is not an Excel workbook (.xlsx); save it as an Excel Workbook (.xlsx), or upload a CSV file.");
        CheckArchive(bytes);
        bytes.Position = 0;
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(bytes, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever the package reader throws at a zip that is no workbook (it has no single list of exceptions).
            throw new XlsxRefusedException("not_xlsx",
                "The file is a zip archive but not an Excel workbook (.xlsx) that can be read; save it as an Excel Workbook (.xlsx), not as OpenDocument (.ods) or Strict Open XML.");
        }
        try
        {
            var workbookPart = document.WorkbookPart
                ?? throw new XlsxRefusedException("not_xlsx", "The file is a zip archive but not an Excel workbook (.xlsx): it has no workbook.");
            var workbook = workbookPart.Workbook;
            var date1904 = workbook.WorkbookProperties?.Date1904?.Value == true;
            var sheets = workbook.Sheets?.Elements<Sheet>().Where(s => s.State is null || s.State.Value == SheetStateValues.Visible).ToList() ?? [];
            var chosen = sheets.FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), "Returns", StringComparison.OrdinalIgnoreCase)) ?? sheets.FirstOrDefault()
                ?? throw new XlsxRefusedException("no_sheet", "The workbook has no visible worksheet to read.");
            var name = chosen.Name?.Value ?? "Sheet1";
            if (chosen.Id?.Value is not { } id || !workbookPart.TryGetPartById(id, out var part) || part is not WorksheetPart sheet)
                throw new XlsxRefusedException("no_sheet", $"Sheet '{name}' is not a worksheet (a chart sheet, perhaps); put the returns on a worksheet.");
            return new XlsxWorkbook(document, name, sheet, date1904);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The zip bomb check, before anything is decompressed: the sizes the archive claims for its parts. Reading then
    /// stops at <see cref="MaxCharactersInPart"/> whatever a part claimed.
    /// </summary>
    private static void CheckArchive(MemoryStream bytes)
    {
        bytes.Position = 0;
        try
        {
            using var zip = new ZipArchive(bytes, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries)
                throw new XlsxRefusedException("too_large", $"The workbook has more than {MaxZipEntries:N0} parts; save the returns alone in a new workbook.");
            if (zip.Entries.Sum(e => e.Length) > MaxUncompressedBytes)
                throw new XlsxRefusedException("too_large",
                    $"The workbook unpacks to more than {MaxUncompressedBytes / (1024 * 1024):N0} MB; save the returns alone in a new workbook, or split the batch.");
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException)
        {
            throw new XlsxRefusedException("not_xlsx", "The file begins as a zip archive but is not a complete one; save the workbook again and upload it.");
        }
    }

    public string SharedString(int index) =>
        index >= 0 && index < _sharedStrings.Count ? _sharedStrings[index]
        : throw new XlsxRefusedException("not_xlsx", "The workbook refers to text it does not contain; save it again in a spreadsheet program.");

    /// <summary>Whether cells of this style show their number as a date (or time).</summary>
    public bool IsDateStyle(uint? style) => style is { } s && s < _dateStyles.Length && _dateStyles[s];

    /// <summary>A date serial as the date it shows, in this workbook's date system.</summary>
    public DateOnly? Date(double serial)
    {
        if (Date1904) serial += 1462;
        // 1 March 1900 onwards: OLE Automation dates agree with the spreadsheet's (which counts 29 February 1900).
        if (double.IsNaN(serial) || serial < 61 || serial > 2_958_465) return null;
        return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
    }

    private void ReadSharedStrings(SharedStringTablePart part)
    {
        long characters = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement) continue;
            var text = TextOf((SharedStringItem)reader.LoadCurrentElement()!);
            characters += text.Length;
            if (characters > MaxSharedStringCharacters)
                throw new XlsxRefusedException("too_large",
                    $"The workbook holds more than {MaxSharedStringCharacters / (1024 * 1024):N0} million characters of text; split the batch.");
            _sharedStrings.Add(text);
        }
    }

    /// <summary>The text a cell shows for a shared or inline string: plain, or rich text's runs joined (phonetic guides left out).</summary>
    public static string TextOf(OpenXmlElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    /// <summary>Which cell styles show a date: the built-in date formats, and custom formats with day, month or year in them.</summary>
    private static bool[] DateStyles(WorkbookStylesPart? styles)
    {
        var stylesheet = styles?.Stylesheet;
        if (stylesheet?.CellFormats is not { } formats) return [];
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value).ToDictionary(g => g.Key, g => IsDateFormat(g.First().FormatCode?.Value)) ?? [];
        return [.. formats.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value is { } id
            && (id is >= 14 and <= 22 or >= 45 and <= 47 || custom.GetValueOrDefault(id)))];
    }

    /// <summary>A format code shows a date when it has d, m or y outside quoted text and [colour] or [$-locale] brackets.</summary>
    private static bool IsDateFormat(string? code)
    {
        if (code is null) return false;
        var (quoted, bracketed) = (false, false);
        foreach (var c in code)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '[') bracketed = true;
            else if (!quoted && c == ']') bracketed = false;
            else if (!quoted && !bracketed && char.ToLowerInvariant(c) is 'd' or 'm' or 'y') return true;
        }
        return false;
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public void Dispose() => _document.Dispose();
}

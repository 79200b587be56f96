using System.Globalization;
using CsvHelper;

namespace Scrutiny.Silo.Csv;

/// <summary>
/// Writes rows of CSV: RFC 4180 quoting (commas, quotes, line breaks) by CsvHelper, text neutralised by
/// <see cref="SafeCsv.Neutralise"/>, numbers and times in invariant form.
/// </summary>
public sealed class SafeCsvWriter(Stream output) : IRowWriter, IDisposable
{
    private readonly CsvWriter _csv = CsvWriter.Create(output, new CsvWriterOptions
    {
        // CsvHelper's own injection escaping would also prefix negative numbers, turning them into text;
        // SafeCsv neutralises text cells only.
        Injection = CsvInjection.None,
        NewLine = "\r\n",
        // Excel reads a file without a byte-order mark in the machine's legacy code page and mangles "Ynys Môn".
        WriteByteOrderMark = true,
    }, leaveOpen: true);

    public SafeCsvWriter Text(string? value)
    {
        _csv.WriteField(SafeCsv.Neutralise(value));
        return this;
    }

    /// <summary>A number, or an empty cell for none: the shortest text that reads back as the same double.</summary>
    public SafeCsvWriter Number(double? value)
    {
        _csv.WriteField(value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "");
        return this;
    }

    public SafeCsvWriter Number(int? value)
    {
        _csv.WriteField(value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "");
        return this;
    }

    /// <summary>ISO 8601 in UTC, which spreadsheets and scripts both read.</summary>
    public SafeCsvWriter Time(DateTimeOffset value)
    {
        _csv.WriteField(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        return this;
    }

    public void Header(params string[] columns)
    {
        foreach (var column in columns) Text(column);
        EndRow();
    }

    public void EndRow() => _csv.EndRecord();

    IRowWriter IRowWriter.Text(string? value) => Text(value);
    IRowWriter IRowWriter.Number(double? value) => Number(value);
    IRowWriter IRowWriter.Number(int? value) => Number(value);
    IRowWriter IRowWriter.Time(DateTimeOffset value) => Time(value);

    public void Dispose() => _csv.Dispose();
}

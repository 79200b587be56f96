using System.Globalization;
using Scrutiny.Silo.Csv;

namespace Scrutiny.Silo.Xlsx;

/// <summary>
/// An export's rows gathered for a worksheet: text as text (never a formula), numbers as numbers, times as the CSV's
/// ISO 8601 text. The exports it serves are already in memory (one indicator in one place).
/// </summary>
public sealed class XlsxRowWriter : IRowWriter
{
    private readonly List<IReadOnlyList<object?>> _rows = [];
    private List<object?> _row = [];

    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    public IRowWriter Text(string? value) => Add(string.IsNullOrEmpty(value) ? null : value);

    public IRowWriter Number(double? value) => Add(value);

    public IRowWriter Number(int? value) => Add(value);

    public IRowWriter Time(DateTimeOffset value) =>
        Add(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    public void Header(params string[] columns)
    {
        foreach (var column in columns) Text(column);
        EndRow();
    }

    public void EndRow()
    {
        _rows.Add(_row);
        _row = [];
    }

    private XlsxRowWriter Add(object? value)
    {
        _row.Add(value);
        return this;
    }
}

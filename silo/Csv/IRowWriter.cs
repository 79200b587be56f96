namespace Scrutiny.Silo.Csv;

/// <summary>
/// Rows of a table as an export writes them, whatever the file: <see cref="SafeCsvWriter"/> for CSV,
/// <see cref="Xlsx.XlsxRowWriter"/> for a workbook. One table writer serves both, so the two files never differ.
/// </summary>
public interface IRowWriter
{
    IRowWriter Text(string? value);
    IRowWriter Number(double? value);
    IRowWriter Number(int? value);
    IRowWriter Time(DateTimeOffset value);
    void Header(params string[] columns);
    void EndRow();
}

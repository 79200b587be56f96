using System.Globalization;
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Api.Indicators;

/// <summary>
/// Reads (and <see cref="Write"/>s) a catalogue CSV shaped like Seeding/Fixtures/indicators.csv (<c>code,title,theme,unit,polarity,frequency,combine</c>,
/// in any order) with optional <c>due_days</c>, <c>lock_days</c>, <c>target</c>, <c>publication</c> and
/// <c>publish_days</c> columns. Reports what it cannot read
/// (header, row shape, numbers) with row numbers; the values themselves are checked by <see cref="IndicatorBodyValidator"/>.
/// </summary>
public static class IndicatorCatalogueCsv
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["code", "title", "theme", "unit", "polarity", "frequency", "combine"];
    public static readonly IReadOnlyList<string> OptionalColumns = ["due_days", "lock_days", "target", "publication", "publish_days"];

    /// <summary>The JSON name of each CSV column, so that the validator's field names come back as the file's.</summary>
    public static string ColumnFor(string jsonField) => jsonField switch
    {
        "dueDays" => "due_days",
        "lockDays" => "lock_days",
        "publishDays" => "publish_days",
        _ => jsonField,
    };

    private static readonly ColumnCsvShape Shape = new(RequiredColumns, OptionalColumns, "catalogue", "indicator", "indicators");

    public static (IReadOnlyList<(int Row, IndicatorBody Body)> Rows, IReadOnlyList<RowProblem> Problems) Read(byte[] file) =>
        ColumnCsv.Read(file, Shape, (cell, row, problems) => (row, new IndicatorBody(cell("code"), cell("title"), cell("theme"), cell("unit"),
            cell("polarity"), cell("frequency"), cell("combine"),
            Integer(cell("due_days"), row, "due_days", problems), Integer(cell("lock_days"), row, "lock_days", problems),
            Number(cell("target"), row, "target", problems),
            cell("publication"), Integer(cell("publish_days"), row, "publish_days", problems))));

    /// <summary>The catalogue holds no figures: it is the same for everyone.</summary>
    public static TableAbout About() => new("Indicators", "The indicator catalogue",
        "One row per indicator, in the columns the catalogue import reads, so that a catalogue exported from one installation imports into another as it was.",
        TableView.Public);

    /// <summary>
    /// The catalogue as the import reads it, every column in <see cref="RequiredColumns"/> then <see cref="OptionalColumns"/>
    /// order: what <c>GET /api/v1/indicators?format=csv</c> answers, so a catalogue exported from one node imports into
    /// another as it was.
    /// </summary>
    public static void Write(IRowWriter csv, IEnumerable<IndicatorResource> indicators)
    {
        csv.Header([.. RequiredColumns, .. OptionalColumns]);
        foreach (var i in indicators)
        {
            csv.Text(i.Code).Text(i.Title).Text(i.Theme).Text(i.Unit).Text(i.Polarity).Text(i.Frequency).Text(i.Combine)
                .Number(i.DueDays).Number(i.LockDays).Number(i.Target).Text(i.Publication).Number(i.PublishDays);
            csv.EndRow();
        }
    }

    private static int? Integer(string? cell, int row, string column, List<RowProblem> problems)
    {
        if (cell is null) return null;
        if (int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        problems.Add(new RowProblem(row, column, "not_number", $"'{cell}' is not a whole number of days."));
        return null;
    }

    private static double? Number(string? cell, int row, string column, List<RowProblem> problems)
    {
        if (cell is null) return null;
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        problems.Add(new RowProblem(row, column, "not_number", $"'{cell}' is not a finite number."));
        return null;
    }
}

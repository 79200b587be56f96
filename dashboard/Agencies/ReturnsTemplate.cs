using Scrutiny.Silo.Csv;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Returns;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Xlsx;

namespace Scrutiny.Dashboard.Agencies;

/// <summary>
/// A returns file ready to fill in, as CSV or as an Excel workbook: one row for each place where the agency sits on a
/// board, each indicator assigned to it, and the period of that indicator's frequency that contains the chosen month's start.
/// </summary>
public sealed class ReturnsTemplate(ICatalogueReader catalogue)
{
    /// <summary>The template as a download, written by the same safe CSV writer as every other export.</summary>
    public async Task<IResult> DownloadAsync(string agencyCode, Period month, CancellationToken cancellationToken)
    {
        var (places, indicators) = await ScopeAsync(agencyCode, cancellationToken);
        return SafeCsv.Download(FileName(agencyCode, month), csv => WriteRows(csv, month, places, indicators));
    }

    /// <summary>The template's rows, header first, for the CSV and the workbook's Returns sheet alike.</summary>
    public static void WriteRows(IRowWriter rows, Period month, IReadOnlyList<Place> places, IReadOnlyList<IndicatorDefinition> indicators)
    {
        rows.Header([.. CsvReturnsReader.Header]);
        foreach (var place in places)
            foreach (var indicator in indicators)
            {
                rows.Text(place.Code).Text(indicator.Code).Text(Period.Containing(month.Start, indicator.Frequency).ToString())
                    .Text(null).Text(null).Text(null);
                rows.EndRow();
            }
    }

    /// <summary>
    /// The template as a workbook (<see cref="ReturnsWorkbook"/>): the same rows on a Returns sheet with its header
    /// locked and frozen, drop-down lists of places, indicators and periods, and an Instructions sheet.
    /// </summary>
    public async Task<IResult> DownloadWorkbookAsync(string agencyCode, Period month, CancellationToken cancellationToken)
    {
        var (places, indicators) = await ScopeAsync(agencyCode, cancellationToken);
        return XlsxWriter.Download(WorkbookFileName(agencyCode, month), ReturnsWorkbook.Sheets(agencyCode, month, places, indicators));
    }

    private async Task<(List<Place> Places, List<IndicatorDefinition> Indicators)> ScopeAsync(string agencyCode, CancellationToken cancellationToken)
    {
        var scope = await catalogue.AgencyScopeAsync(agencyCode, cancellationToken);
        var places = (await catalogue.ListPlacesAsync(cancellationToken)).Where(p => scope.Places.Contains(p.Code)).ToList();
        var indicators = (await catalogue.ListIndicatorsAsync(cancellationToken)).Where(i => scope.Indicators.Contains(i.Code)).ToList();
        return (places, indicators);
    }

    public static string FileName(string agencyCode, Period month) => $"returns-{agencyCode}-{month}.csv".ToLowerInvariant();

    public static string WorkbookFileName(string agencyCode, Period month) => $"returns-{agencyCode}-{month}.xlsx".ToLowerInvariant();

    /// <summary>The months a person is likely to want a template for: this month and those before it, newest first.</summary>
    public static IReadOnlyList<Period> RecentMonths(DateOnly today, int count = 13)
    {
        var months = new List<Period>(count);
        for (var month = Period.Containing(today, Frequency.Monthly); months.Count < count; month = month.Previous()) months.Add(month);
        return months;
    }
}

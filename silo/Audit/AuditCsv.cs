using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Audit;

/// <summary>The audit log as a table file (CSV or workbook), for the API and the administration page alike.</summary>
public static class AuditCsv
{
    public static readonly string[] Header = ["at", "actor", "action", "subject", "source", "detail"];

    /// <summary>
    /// Every row the search matched, newest first. Not open data: the log names the people who made each change, and a
    /// detail may quote what they typed (text cells are written as text, never as a formula).
    /// </summary>
    public static TableFile Download(IReadOnlyList<AuditRecord> rows, DateTimeOffset now) =>
        new($"audit-{now.UtcDateTime:yyyy-MM-dd}", csv =>
        {
            csv.Header(Header);
            foreach (var row in rows)
            {
                csv.Time(row.At).Text(row.Actor).Text(row.Action).Text(row.Subject).Text(row.Source).Text(row.Detail);
                csv.EndRow();
            }
        }, new TableAbout("Audit", "The audit log",
            "Every change the search matched, newest first: when (UTC), who, what action, on what, from where, and its detail.", TableView.Restricted));

    /// <summary>
    /// The rows a download of <paramref name="format"/> needs: every one for CSV; for a workbook, one past its bound at
    /// most, enough for <see cref="TableFile"/> to refuse it without reading a whole log into memory first.
    /// </summary>
    public static Task<IReadOnlyList<AuditRecord>> RowsAsync(AuditSearch search, AuditFilter filter, TableFormat format, CancellationToken cancellationToken) =>
        search.NewestAsync(filter, format == TableFormat.Xlsx ? TableFile.MaxWorkbookRows + 1 : null, cancellationToken);
}

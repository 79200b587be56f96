using Microsoft.AspNetCore.Http;
using Scrutiny.Silo.Csv;

namespace Scrutiny.Silo.Audit;

/// <summary>The audit log as CSV, for the API and the administration page alike, through the safe CSV writer.</summary>
public static class AuditCsv
{
    public static readonly string[] Header = ["at", "actor", "action", "subject", "source", "detail"];

    public static IResult Download(IReadOnlyList<AuditRecord> rows, DateTimeOffset now) =>
        SafeCsv.Download($"audit-{now.UtcDateTime:yyyy-MM-dd}.csv", csv =>
        {
            csv.Header(Header);
            foreach (var row in rows)
            {
                csv.Time(row.At).Text(row.Actor).Text(row.Action).Text(row.Subject).Text(row.Source).Text(row.Detail);
                csv.EndRow();
            }
        });
}

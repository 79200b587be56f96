namespace Scrutiny.Silo.Tables;

/// <summary>The files a table downloads as: CSV, or an Excel workbook whose first sheet holds the same rows.</summary>
public enum TableFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Endpoint metadata naming the format a route answers (<c>scorecard.csv</c> or <c>scorecard.xlsx</c>), set by
/// <see cref="TableRoutes.Map"/> so that one handler serves both addresses.
/// </summary>
public sealed record TableRoute(TableFormat Format);

using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Returns;

/// <summary>Where a batch came from; kept with the batch.</summary>
public enum ReturnsSource
{
    Json,
    Csv,
    Form,
    Xlsx,
}

/// <summary>
/// One row as read from the submitter's file or body, numbered as the submitter counts (row 1 is the first data
/// row; in a workbook, the worksheet's row number), with the problems reading it found (a number that is not a number,
/// a missing column), and, for a workbook, where it sits so that a problem can name its cell.
/// </summary>
public sealed record ParsedRow(int Row, ReturnRow Values, IReadOnlyList<RowProblem> Problems, SheetRow? Sheet = null);

/// <summary>
/// A batch to import: whose it is, where it came from, its rows (read as they stream in), whether to write, and
/// the Idempotency-Key reservation it holds, if any, to be linked to the batch when it commits.
/// </summary>
public sealed record ReturnsImportRequest(
    string AgencyCode, string SubmittedBy, ReturnsSource Source, IAsyncEnumerable<ParsedRow> Rows, bool DryRun,
    IdempotencyClaim? Claim = null);

/// <summary>A reserved Idempotency-Key, and the hash of the whole request (read to its end) that the key answers for.</summary>
public sealed record IdempotencyClaim(string Key, Func<Task<string>> RequestHashAsync);

/// <summary>
/// What an import did: the result when the batch was clean, otherwise every problem (nothing written). Warnings,
/// such as a value far from the place's recent history, never reject a batch.
/// </summary>
public sealed record ReturnsImportOutcome(
    ReturnsImportResult? Result, IReadOnlyList<RowProblem> Problems, IReadOnlyList<RowProblem> Warnings);

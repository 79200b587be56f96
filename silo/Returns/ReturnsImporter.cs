using System.Data.Common;
using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Store;

using Scrutiny.Silo.Api;
using Scrutiny.Silo.Observability;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// Imports a batch as an explicit sequence: read every row through validation into memory (the request's size limit
/// bounds it); if any row has a problem, answer with every problem, having written nothing; if it is a dry run, preview
/// against the grains; otherwise apply it, committing the batch, its audit entry, its Idempotency-Key and every ledger
/// entry in one transaction (<see cref="BatchApplier"/>): from that commit it survives a crash, and before it nothing of it was kept.
/// </summary>
public sealed class ReturnsImporter(Database database, ReturnsValidator validator, BatchApplier applier, IdempotencyStore idempotency,
    NodeInstance self, TimeProvider time)
{
    /// <summary>Past this many problems a batch is plainly the wrong file; listing more helps nobody.</summary>
    public const int MaxProblems = 1000;

    public const string BatchAcceptedAction = "returns_batch_accepted";

    public async Task<ReturnsImportOutcome> ImportAsync(ReturnsImportRequest request, CancellationToken cancellationToken)
    {
        var batch = new BatchHeader(Guid.CreateVersion7().ToString("N"), request.AgencyCode, request.SubmittedBy, request.Source, time.GetUtcNow());
        using var validation = await validator.StartAsync(request.AgencyCode, cancellationToken);
        var problems = new List<RowProblem>();
        var accepted = new List<AcceptedRow>();
        // Held until the batch commits, compactly: its rows share a few hundred codes and periods, not three strings each.
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string code) => codes.TryGetValue(code, out var kept) ? kept : codes[code] = code;
        var rows = 0;
        var leftOut = new List<int>();
        await foreach (var parsed in request.Rows.WithCancellation(cancellationToken))
        {
            // Counted, not the highest number: a workbook's rows are numbered as the worksheet numbers them.
            rows++;
            if (IsUnfilled(request.Source, parsed))
            {
                leftOut.Add(parsed.Row);
                continue;
            }
            var rowProblems = validation.Check(parsed);
            if (rowProblems.Count > 0)
            {
                problems.AddRange(rowProblems.Take(MaxProblems + 1 - problems.Count));
                if (problems.Count > MaxProblems) break;
            }
            // Once a batch is rejected, its remaining rows are only checked, not kept.
            else if (problems.Count == 0)
                accepted.Add(new AcceptedRow(parsed.Row, Shared(parsed.Values.Place!), Shared(parsed.Values.Indicator!), new ReturnedValue(
                    Shared(parsed.Values.Period!), request.AgencyCode, parsed.Values.Numerator!.Value, parsed.Values.Denominator, parsed.Values.Note)));
        }
        validation.Dispose(); // its set of seen values, for the next batch: the rest of the import does not need it
        if (rows == 0 && problems.Count == 0) problems.Add(new RowProblem(0, "returns", "empty", "The batch has no rows."));
        else if (rows == leftOut.Count && problems.Count == 0)
            problems.Add(new RowProblem(0, "numerator", "no_values", "No row has a value: fill in a numerator (and a denominator where asked) for the returns you are sending."));
        if (problems.Count > MaxProblems)
            problems[MaxProblems] = new RowProblem(0, "returns", "too_many_problems", $"More than {MaxProblems} problems; the rest are not listed.");
        if (problems.Count > 0)
        {
            if (!request.DryRun) ScrutinyMetrics.ReturnsRejected.Add(1);
            return new ReturnsImportOutcome(null, problems, []);
        }

        if (request.DryRun)
        {
            var (preview, previewWarnings) = await applier.PreviewAsync(accepted, batch);
            return new ReturnsImportOutcome(preview, [], WithLeftOut(previewWarnings, leftOut));
        }

        // Held until it is applied, or given up on: then recovery takes it.
        using var inHand = applier.InHand.HoldNew(batch.Id);
        // A hash of the whole request, read to its end before anything is committed.
        var requestHash = request.Claim is { } claim ? await claim.RequestHashAsync() : null;
        // Applied whatever the caller does now: a client that gives up waiting must not leave half a batch.
        var (result, warnings) = await applier.ApplyAsync(batch, accepted,
            (connection, transaction) => RecordAsync(connection, transaction, batch, request, accepted.Count, leftOut.Count, requestHash), CancellationToken.None);
        ScrutinyMetrics.ReturnsAccepted.Add(1);
        return new ReturnsImportOutcome(result, [], WithLeftOut(warnings, leftOut));
    }

    /// <summary>
    /// A file's row that names a return and gives no value, no denominator and no note: a template's row the agency left
    /// empty (the templates list every return due). It is left out and said so, not refused: a person fills in the
    /// returns they have. The API's JSON and the form always mean to send a value, so there it is still a problem.
    /// </summary>
    private static bool IsUnfilled(ReturnsSource source, ParsedRow row) =>
        source is ReturnsSource.Csv or ReturnsSource.Xlsx && row.Problems.Count == 0
        && row.Values is { Numerator: null, Denominator: null, Note: null };

    private static IReadOnlyList<RowProblem> WithLeftOut(IReadOnlyList<RowProblem> warnings, List<int> leftOut) => leftOut.Count == 0
        ? warnings
        : [new RowProblem(0, "numerator", "left_out", $"{leftOut.Count} row{(leftOut.Count == 1 ? " has" : "s have")} no value and {(leftOut.Count == 1 ? "was" : "were")} not sent: "
            + $"row{(leftOut.Count == 1 ? "" : "s")} {Rows(leftOut)}. Fill {(leftOut.Count == 1 ? "it" : "them")} in and upload again when you have the figures."), .. warnings];

    /// <summary>Row numbers as a person writes them: 5–11, 14, 20–21.</summary>
    private static string Rows(List<int> rows)
    {
        var runs = new List<string>();
        for (var i = 0; i < rows.Count;)
        {
            var j = i;
            while (j + 1 < rows.Count && rows[j + 1] == rows[j] + 1) j++;
            runs.Add(j == i ? $"{rows[i]}" : $"{rows[i]}\u2013{rows[j]}");
            i = j + 1;
        }
        return string.Join(", ", runs);
    }

    /// <summary>
    /// The batch's own rows, in the transaction that commits its ledger entries: the batch, its audit entry as one act
    /// with where it came from (the ledger keeps who sent each value), and its Idempotency-Key. After a crash a retry
    /// finds either all of them (and gets the batch's answer) or none (and runs again), never a batch whose key has forgotten it.
    /// </summary>
    private async Task RecordAsync(DbConnection connection, DbTransaction transaction, BatchHeader batch, ReturnsImportRequest request,
        int rows, int leftOut, string? requestHash)
    {
        var source = request.Source.ToString().ToLowerInvariant();
        await connection.ExecuteAsync(
            """
            INSERT INTO return_batches (id, agency_code, submitted_by, source, row_count, status, received_at, accepted_by)
            VALUES (@Id, @AgencyCode, @SubmittedBy, @source, @rows, @status, @at, @acceptedBy)
            """,
            new { batch.Id, batch.AgencyCode, batch.SubmittedBy, source, rows, status = BatchHeader.Accepted,
                at = SqlDialect.Timestamp(batch.ReceivedAt, database.Engine), acceptedBy = self.Id },
            transaction);
        await AuditLog.AppendAsync(connection, transaction, new AuditEntry(batch.ReceivedAt, batch.SubmittedBy, BatchAcceptedAction,
            $"{batch.AgencyCode}/{batch.Id}", AuditLog.Detail(leftOut == 0 ? new { rows, source } : (object)new { rows, source, leftOut })), database.Engine, CancellationToken.None);
        if (request.Claim is { } claim && !await idempotency.TryLinkBatchAsync(connection, transaction, batch.AgencyCode, claim.Key, requestHash!, batch.Id))
            throw new IdempotencyKeyLostException(claim.Key);
    }
}

using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Store;

using Scrutiny.Silo.Api;
using Scrutiny.Silo.Observability;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// Imports a batch as an explicit sequence: stream every row through validation into staging (one transaction);
/// if any row has a problem, roll back and answer with every problem; if it is a dry run, preview against the
/// grains and roll back; otherwise commit the staged batch (from here it survives a crash) and apply it.
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
        // Held from before it is committed until it is applied, or given up on: then recovery takes it.
        using var inHand = applier.InHand.HoldNew(batch.Id);
        var validation = await validator.StartAsync(request.AgencyCode, cancellationToken);
        var problems = new List<RowProblem>();
        var rows = 0;

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO return_batches (id, agency_code, submitted_by, source, row_count, status, received_at, accepted_by)
            VALUES (@Id, @AgencyCode, @SubmittedBy, @source, 0, @status, @at, @acceptedBy)
            """,
            new { batch.Id, batch.AgencyCode, batch.SubmittedBy, source = request.Source.ToString().ToLowerInvariant(),
                status = BatchHeader.Accepted, at = SqlDialect.Timestamp(batch.ReceivedAt, database.Engine), acceptedBy = self.Id },
            transaction);

        await using (var staging = BatchStaging.Start(connection, transaction, batch.Id))
        {
            await foreach (var parsed in request.Rows.WithCancellation(cancellationToken))
            {
                rows = Math.Max(rows, parsed.Row);
                var rowProblems = validation.Check(parsed);
                if (rowProblems.Count > 0)
                {
                    problems.AddRange(rowProblems.Take(MaxProblems + 1 - problems.Count));
                    if (problems.Count > MaxProblems) break;
                }
                // Once a batch is rejected, its remaining rows are only checked, not staged.
                else if (problems.Count == 0) await staging.AddAsync(StagedRow.From(parsed.Row, parsed.Values));
            }
            // A rejected batch's staging is abandoned: disposing it without completing keeps none of its rows.
            if (problems.Count == 0) await staging.CompleteAsync();
        }
        if (rows == 0 && problems.Count == 0) problems.Add(new RowProblem(0, "returns", "empty", "The batch has no rows."));
        if (problems.Count > MaxProblems)
            problems[MaxProblems] = new RowProblem(0, "returns", "too_many_problems", $"More than {MaxProblems} problems; the rest are not listed.");
        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            if (!request.DryRun) ScrutinyMetrics.ReturnsRejected.Add(1);
            return new ReturnsImportOutcome(null, problems, []);
        }

        if (request.DryRun)
        {
            // Read, rolled back and the connection given back before the grains are asked: they need connections too.
            var staged = await BatchStaging.ReadAllAsync(connection, transaction, batch.Id);
            await transaction.RollbackAsync(cancellationToken);
            await connection.CloseAsync();
            var (preview, previewWarnings) = await applier.PreviewAsync(staged, batch);
            return new ReturnsImportOutcome(preview, [], previewWarnings);
        }

        await connection.ExecuteAsync("UPDATE return_batches SET row_count = @rows WHERE id = @Id", new { rows, batch.Id }, transaction);
        // The ledger keeps who sent each value; the audit keeps the batch as one act, with where it came from.
        await AuditLog.AppendAsync(connection, transaction, new AuditEntry(batch.ReceivedAt, batch.SubmittedBy, BatchAcceptedAction,
            $"{batch.AgencyCode}/{batch.Id}", AuditLog.Detail(new { rows, source = request.Source.ToString().ToLowerInvariant() })),
            database.Engine, cancellationToken);
        // The key and the batch commit together: after a crash, a retry finds either both (and gets the batch's
        // answer) or neither (and runs again), never a batch whose key has forgotten it.
        if (request.Claim is { } claim && !await idempotency.TryLinkBatchAsync(connection, transaction, batch.AgencyCode, claim.Key,
                await claim.RequestHashAsync(), batch.Id))
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new IdempotencyKeyLostException(claim.Key);
        }
        await transaction.CommitAsync(cancellationToken);
        ScrutinyMetrics.ReturnsAccepted.Add(1);
        // The staging connection goes back to the pool before the batch is applied: the grains take theirs from it.
        await connection.CloseAsync();
        // Applied whatever the caller does now: a client that gives up waiting must not leave half a batch.
        var (result, warnings) = await applier.ApplyAsync(batch, CancellationToken.None);
        return new ReturnsImportOutcome(result, [], warnings);
    }
}

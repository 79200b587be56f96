using System.Text.Json;
using Dapper;
using Orleans.Storage;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Observability;
using Scrutiny.Silo.Store;

using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// Feeds a staged batch to its indicator grains, one grain's rows at a time, and tallies what each row did. The
/// same code previews a dry run (inside the staging transaction), applies a new batch, and re-applies a batch
/// that a crash interrupted: re-applying is harmless, since a value already there counts as unchanged.
/// </summary>
public sealed class BatchApplier(Database database, IGrainFactory grains, TimeProvider time)
{
    /// <summary>
    /// Grains applied at once on PostgreSQL, per batch: the 100,000-row import answered in 6.5 s at 8 against 11.2 s one at
    /// a time; issue 16's four concurrent 10,000-row batches went in at 14.5–16.3 s at 8, 12.1–14.2 s at 16 and 11.1–11.6 s
    /// at 32 (docs/benchmarks.md). Not 32: the calls already queue for the node's pooled connections (20 by default,
    /// <see cref="StoreOptions.MaxPoolSizeSetting"/>), and a call that waits past the connection Timeout fails.
    /// </summary>
    public const int ConcurrentGrainsOnPostgres = 16;

    /// <summary>
    /// Grains applied at once on SQLite: its one writer takes a grain's write at a time, but two in flight let one's
    /// Orleans messaging overlap the other's write (the 100,000-row import: 6.2 s against 7.4 s one at a time).
    /// </summary>
    public const int ConcurrentGrainsOnSqlite = 2;

    /// <summary>
    /// The batches this process is accepting or applying now. A batch recorded as this instance's but not held here was
    /// given up on (its apply failed, the store went away), and <see cref="BatchRecovery"/> takes it over.
    /// </summary>
    public HeldHere<string> InHand { get; } = new();

    /// <param name="rows">The batch's staged rows, one grain's after another (<see cref="BatchStaging.ReadAllAsync"/>).</param>
    /// <param name="applied">Grains (place, indicator) that already have this batch's rows: a crash came after them.</param>
    public async Task<(ReturnsImportResult Result, IReadOnlyList<RowProblem> Warnings)> RunAsync(
        IReadOnlyList<StagedRow> rows, BatchHeader batch, bool dryRun, IReadOnlySet<(string Place, string Indicator)>? applied = null)
    {
        var outcomes = new int[Enum.GetValues<ReturnOutcome>().Length];
        var warnings = new List<RowProblem>();
        // Grains are independent, so several apply at once: on PostgreSQL each waits mostly on round trips; SQLite takes
        // one writer at a time, and a second grain in flight only fills the time the first spends in messaging.
        using var slots = new SemaphoreSlim(database.Engine == StoreEngine.Postgres ? ConcurrentGrainsOnPostgres : ConcurrentGrainsOnSqlite);
        var running = new List<Task>();
        var group = new List<StagedRow>();

        async Task ApplyGroupAsync(List<StagedRow> rows)
        {
            try
            {
                var grain = grains.GetGrain<IIndicatorGrain>(IndicatorKey.For(rows[0].Place, rows[0].Indicator));
                var values = rows.Select(r => new ReturnedValue(r.Period, batch.AgencyCode, r.Numerator, r.Denominator, r.Note)).ToList();
                var answer = dryRun
                    ? await grain.PreviewAsync(values)
                    : await SubmitAsync(grain, new ReturnSubmission(batch.Id, batch.SubmittedBy, batch.ReceivedAt, values));
                lock (warnings)
                {
                    warnings.AddRange(answer.Outliers.Select(o => Warning(rows[o.Index], batch.AgencyCode, o)));
                    foreach (var outcome in answer.Outcomes) outcomes[(int)outcome]++;
                }
            }
            finally
            {
                slots.Release();
            }
        }

        async Task DispatchAsync()
        {
            if (group.Count == 0) return;
            await slots.WaitAsync();
            running.Add(ApplyGroupAsync(group));
            group = [];
        }

        foreach (var row in rows)
        {
            // Feeding such a grain its rows again could undo a newer batch's value for the same period.
            if (applied?.Contains((row.Place, row.Indicator)) == true) continue;
            if (group.Count > 0 && (group[0].Place != row.Place || group[0].Indicator != row.Indicator)) await DispatchAsync();
            group.Add(row);
        }
        await DispatchAsync();
        await Task.WhenAll(running);
        warnings.Sort((a, b) => a.Row.CompareTo(b.Row));
        return (new ReturnsImportResult(batch.Id, outcomes[(int)ReturnOutcome.Imported], outcomes[(int)ReturnOutcome.Updated],
            outcomes[(int)ReturnOutcome.Unchanged], dryRun), warnings);
    }

    /// <summary>
    /// Applies a batch that is staged and committed, then records it as applied with its result and its answer.
    /// The counts come from the ledger, not from this run, so that a batch a crash interrupted answers as it would
    /// have the first time: rows that got through before the crash count as imported or updated, not unchanged.
    /// </summary>
    public async Task<(ReturnsImportResult Result, IReadOnlyList<RowProblem> Warnings)> ApplyAsync(BatchHeader batch, CancellationToken cancellationToken)
    {
        HashSet<(string, string)> applied;
        IReadOnlyList<StagedRow> rows;
        // No connection is held while the grains work: they take theirs from the same pool, and requests that each held
        // one across their grains' writes starved it (50 agencies at once against the default pool of 20: every request
        // waited on a grain that waited on a connection, until Npgsql gave up and the node answered 503).
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            applied = (await connection.QueryAsync<(string, string)>(
                "SELECT DISTINCT place_code, indicator_code FROM returns_ledger WHERE batch_id = @Id", new { batch.Id })).ToHashSet();
            rows = await BatchStaging.ReadAllAsync(connection, null, batch.Id);
        }
        var (_, warnings) = await RunAsync(rows, batch, dryRun: false, applied);

        await using var counting = await database.OpenAsync(cancellationToken);
        var (staged, written, first) = await counting.QuerySingleAsync<(long, long, long)>(
            """
            SELECT (SELECT COUNT(*) FROM return_batch_rows WHERE batch_id = @Id),
                   (SELECT COUNT(*) FROM returns_ledger WHERE batch_id = @Id),
                   (SELECT COUNT(*) FROM returns_ledger WHERE batch_id = @Id AND revision = 1)
            """, new { batch.Id });
        // A value's first revision is a value imported; a later one, a value updated; a row with no entry was unchanged.
        var result = new ReturnsImportResult(batch.Id, (int)first, (int)(written - first), (int)(staged - written), DryRun: false);
        ScrutinyMetrics.RowsImported.Add(result.Imported, new KeyValuePair<string, object?>("outcome", "imported"));
        ScrutinyMetrics.RowsImported.Add(result.Updated, new KeyValuePair<string, object?>("outcome", "updated"));
        ScrutinyMetrics.RowsImported.Add(result.Unchanged, new KeyValuePair<string, object?>("outcome", "unchanged"));
        await counting.ExecuteAsync(
            "UPDATE return_batches SET status = @status, applied_at = @at, result = @result, answer = @answer WHERE id = @id",
            new
            {
                status = BatchHeader.Applied, at = SqlDialect.Timestamp(time.GetUtcNow(), database.Engine),
                result = JsonSerializer.Serialize(result, GrainJson.Options), answer = ReturnsImportResponse.Json(result, warnings), id = batch.Id,
            });
        return (result, warnings);
    }

    /// <summary>
    /// Submits, and submits again when the grain's write lost a race for its stored version (another activation of it
    /// wrote first, which one cluster should never have, but a store shared by two clusters could): the grain let its
    /// activation go, the next call reads the newer state, and a value already there counts as unchanged.
    /// </summary>
    private static async Task<SubmissionAnswer> SubmitAsync(IIndicatorGrain grain, ReturnSubmission submission)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grain.SubmitAsync(submission);
            }
            catch (InconsistentStateException) when (attempt < MaxConflictRetries)
            {
                ScrutinyMetrics.ConflictsRetried.Add(1);
                await Task.Delay(Random.Shared.Next(1, 10 * attempt));
            }
        }
    }

    /// <summary>Attempts at a grain whose write keeps losing races before the batch is left to recovery.</summary>
    public const int MaxConflictRetries = 5;

    /// <summary>An outlier the grain found, as a warning on the row it came from (accepted: the agency checks it).</summary>
    private static RowProblem Warning(StagedRow row, string agency, Outlier outlier) =>
        new(row.Row, "numerator", "outlier",
            $"{outlier.Value:G6} is {Math.Abs(outlier.Score):F1} modified z-scores from {agency}'s recent values for {row.Place}; check it is right.");
}

/// <summary>A batch's header row in <c>return_batches</c>.</summary>
public sealed record BatchHeader(string Id, string AgencyCode, string SubmittedBy, ReturnsSource Source, DateTimeOffset ReceivedAt)
{
    /// <summary>Staged and committed: every row is valid and will be applied, if need be after a restart.</summary>
    public const string Accepted = "accepted";

    public const string Applied = "applied";
}

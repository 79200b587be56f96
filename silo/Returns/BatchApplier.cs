using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Dapper;
using Orleans.Storage;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Observability;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Store;

using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// Applies a batch in three steps. Each indicator grain plans its rows (what each does, the revisions that record it,
/// which look wrong), writing nothing; the store then commits the batch, every planned ledger entry and the batch's
/// answer in one transaction (one binary COPY on PostgreSQL, not one transaction per grain); then each grain takes its
/// entries in, the batch's changes are published in one message, and each place hears once of all its indicators the batch changed. A crash
/// before the commit leaves nothing of the batch (its sender, answered nothing, sends it again); a crash after it leaves
/// the ledger whole, and recovery hands the committed entries to the grains again (taking an entry twice does nothing).
/// A dry run is the first step alone.
/// </summary>
public sealed class BatchApplier(Database database, IGrainFactory grains, IChangePublisher feed, PublishedPoints published, TimeProvider time, FaultInjection faults)
{
    /// <summary>
    /// Grains planning, or taking their entries in, at once, per batch. Both are in memory: a grain woken to plan reads its
    /// state and the catalogue through reads it shares with every grain waking with it (<see cref="Store.IndicatorStateReads"/>,
    /// <see cref="Store.GrainCatalogue"/>), which hold a connection or three whatever the number. The more wake together,
    /// the fewer reads: sixteen at a time, an agency's first batch spent 120-150 ms planning, its grains waking a few at a
    /// time (docs/benchmarks.md, "Grains woken together").
    /// </summary>
    public const int InMemoryGrainsAtOnce = 256;

    /// <summary>
    /// Places told at once on PostgreSQL, per batch. Not more: each writes its state on one of the node's pooled
    /// connections (20 by default, <see cref="StoreOptions.MaxPoolSizeSetting"/>), and a call that waits past the
    /// connection Timeout fails.
    /// </summary>
    public const int PlacesAtOnceOnPostgres = 16;

    /// <summary>
    /// Places told at once on SQLite: its one writer takes a place's write at a time, but two in flight let one's Orleans
    /// messaging overlap the other's write.
    /// </summary>
    public const int PlacesAtOnceOnSqlite = 2;

    /// <summary>Times a batch is planned again after the store refused its revisions (another activation wrote first).</summary>
    public const int MaxConflictRetries = 5;

    /// <summary>
    /// The batches this process is accepting or applying now. A batch recorded as this instance's but not held here was
    /// given up on (its apply failed, the store went away), and <see cref="BatchRecovery"/> takes it over.
    /// </summary>
    public HeldHere<string> InHand { get; } = new();

    // One batch of an agency applied at a time on this node: two would plan the same next revision of a value the agency
    // sent in both, and the second commit would be refused. Agencies never share a value, so they never wait on each other.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _agencyTurns = new(StringComparer.Ordinal);

    /// <summary>What the batch would do, and its warnings, writing nothing: a dry run.</summary>
    public async Task<(ReturnsImportResult Result, IReadOnlyList<RowProblem> Warnings)> PreviewAsync(IReadOnlyList<AcceptedRow> rows, BatchHeader batch)
    {
        var groups = GrainGroup.Of(rows, grains);
        var plans = await PlanAsync(groups, batch);
        return (Result(batch.Id, plans, dryRun: true), Warnings(groups, plans, batch.AgencyCode));
    }

    /// <summary>
    /// Applies a new batch: <paramref name="record"/> writes the batch's own rows (its header, audit entry and key) in the
    /// transaction that commits its ledger entries, and is run again if that transaction is tried again.
    /// </summary>
    public Task<(ReturnsImportResult Result, IReadOnlyList<RowProblem> Warnings)> ApplyAsync(BatchHeader batch, IReadOnlyList<AcceptedRow> rows,
        Func<DbConnection, DbTransaction, Task> record, CancellationToken cancellationToken) =>
        InAgencyTurnAsync(batch, () => PlanCommitAndAbsorbAsync(batch, rows, record), cancellationToken);

    /// <summary>
    /// Finishes a batch that a crash or a failure interrupted after its commit: hands its committed ledger entries to the
    /// grains again. A batch an older version staged and committed without its entries is applied from its staged rows.
    /// </summary>
    public Task ResumeAsync(BatchHeader batch, CancellationToken cancellationToken) => InAgencyTurnAsync(batch, async () =>
    {
        List<LedgerEntry> entries;
        // No connection is held while the grains work: they take theirs from the same pool.
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<string?>("SELECT result FROM return_batches WHERE id = @Id", new { batch.Id }) is null)
            {
                var staged = await StagedBatchRows.ReadAllAsync(connection, batch.Id, batch.AgencyCode);
                await connection.CloseAsync();
                await PlanCommitAndAbsorbAsync(batch, staged, record: null);
                return true;
            }
            entries = [.. (await connection.QueryAsync<LedgerRow>($"SELECT {LedgerRow.Columns} FROM returns_ledger WHERE batch_id = @Id", new { batch.Id }))
                .Select(r => r.ToEntry())];
        }
        await TakeInAsync(batch, [.. entries.GroupBy(e => (e.Place, e.Indicator))
            .Select(g => new Share(grains.IndicatorGrain(g.Key.Place, g.Key.Indicator), g.Key.Place, g.Key.Indicator, [.. g]))]);
        return true;
    }, cancellationToken);

    private async Task<T> InAgencyTurnAsync<T>(BatchHeader batch, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var turn = _agencyTurns.GetOrAdd(batch.AgencyCode, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task<(ReturnsImportResult Result, IReadOnlyList<RowProblem> Warnings)> PlanCommitAndAbsorbAsync(
        BatchHeader batch, IReadOnlyList<AcceptedRow> rows, Func<DbConnection, DbTransaction, Task>? record)
    {
        var groups = GrainGroup.Of(rows, grains);
        for (var attempt = 1; ; attempt++)
        {
            var plans = await PlanAsync(groups, batch);
            var (result, warnings) = (Result(batch.Id, plans, dryRun: false), Warnings(groups, plans, batch.AgencyCode));
            if (await TryCommitAsync(batch, plans, result, warnings, record))
            {
                // Every group, entries or not: a grain with nothing new still gives its place the latest value, which a
                // batch resent after a crash needs.
                await TakeInAsync(batch, [.. groups.Select((g, i) => new Share(g.Grain, g.Rows[0].Place, g.Rows[0].Indicator, plans[i].Entries))]);
                ScrutinyMetrics.RowsImported.Add(result.Imported, new KeyValuePair<string, object?>("outcome", "imported"));
                ScrutinyMetrics.RowsImported.Add(result.Updated, new KeyValuePair<string, object?>("outcome", "updated"));
                ScrutinyMetrics.RowsImported.Add(result.Unchanged, new KeyValuePair<string, object?>("outcome", "unchanged"));
                return (result, warnings);
            }
            // Another activation of some grain (another cluster over the same store) wrote revisions this plan also took:
            // let this node's activations go, so that the next plan starts from what the store holds.
            if (attempt == MaxConflictRetries)
                throw new InconsistentStateException($"Batch {batch.Id}'s revisions were taken by another writer {attempt} times.");
            ScrutinyMetrics.ConflictsRetried.Add(1);
            await ForEachGrainAsync(groups.Count, InMemoryGrainsAtOnce, i => plans[i].Entries.Count > 0 ? groups[i].Grain.ReloadAsync() : Task.CompletedTask);
            await Task.Delay(Random.Shared.Next(1, 10 * attempt));
        }
    }

    private async Task<SubmissionPlan[]> PlanAsync(IReadOnlyList<GrainGroup> groups, BatchHeader batch)
    {
        var plans = new SubmissionPlan[groups.Count];
        await ForEachGrainAsync(groups.Count, InMemoryGrainsAtOnce, async i =>
            plans[i] = await groups[i].Grain.PlanAsync(new ReturnSubmission(batch.Id, batch.SubmittedBy, batch.ReceivedAt, groups[i].Values())));
        return plans;
    }

    /// <summary>
    /// The batch's own rows (<paramref name="record"/>, for a new batch), its ledger entries and its answer, in one
    /// transaction: the batch is applied, or none of it is. False when the store already holds one of the planned revisions.
    /// </summary>
    private async Task<bool> TryCommitAsync(BatchHeader batch, SubmissionPlan[] plans, ReturnsImportResult result, IReadOnlyList<RowProblem> warnings,
        Func<DbConnection, DbTransaction, Task>? record)
    {
        try
        {
            await database.InTransactionAsync(async (connection, transaction) =>
            {
                if (record is not null) await record(connection, transaction);
                await LedgerWriter.AppendAsync(connection, transaction, plans.SelectMany(p => p.Entries), database.Engine);
                return await connection.ExecuteAsync("UPDATE return_batches SET result = @result, answer = @answer WHERE id = @id",
                    new { result = JsonSerializer.Serialize(result, GrainJson.Options), answer = ReturnsImportResponse.Json(result, warnings), id = batch.Id },
                    transaction);
            });
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
        faults.Written();
        return true;
    }

    /// <summary>
    /// The third step, for a batch whose entries are committed (just now, or before a crash): each grain takes its share
    /// in; then each place hears once of all its indicators the batch changed (one write of the place and one refresh
    /// of its boards, not one an indicator); this node forgets their published points; the batch is recorded as applied.
    /// </summary>
    private async Task TakeInAsync(BatchHeader batch, IReadOnlyList<Share> shares)
    {
        var absorbed = new Absorbed[shares.Count];
        await ForEachGrainAsync(shares.Count, InMemoryGrainsAtOnce, async i => absorbed[i] = await shares[i].Grain.AbsorbAsync(shares[i].Entries));
        // The batch's changes in one message to the feed (and one to each node), before its places' own.
        var changes = absorbed.Select(a => a.Change).OfType<Change>().ToList();
        if (changes.Count > 0) await feed.PublishAsync(changes);
        var byPlace = Enumerable.Range(0, shares.Count).Where(i => absorbed[i].News is not null)
            .GroupBy(i => shares[i].Place, i => absorbed[i].News!, StringComparer.Ordinal).ToList();
        await ForEachGrainAsync(byPlace.Count, PlacesAtOnce, i => grains.Grain<IPlaceGrain>(byPlace[i].Key).OnIndicatorsChangedAsync([.. byPlace[i]]));
        ForgetPublishedPoints(shares.Select(s => s.Indicator));
        await MarkAppliedAsync(batch);
    }

    /// <summary>
    /// This node forgets its copy of the batch's indicators' published points now, before the answer: the change feed
    /// tells every node too, but a moment later, and an agency that reads a public page after its answer must see its values.
    /// </summary>
    private void ForgetPublishedPoints(IEnumerable<string> indicators)
    {
        foreach (var indicator in indicators.Distinct(StringComparer.Ordinal)) published.Forget(indicator);
    }

    private async Task MarkAppliedAsync(BatchHeader batch)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("UPDATE return_batches SET status = @status, applied_at = @at WHERE id = @id",
            new { status = BatchHeader.Applied, at = SqlDialect.Timestamp(time.GetUtcNow(), database.Engine), id = batch.Id });
    }

    private int PlacesAtOnce => database.Engine == StoreEngine.Postgres ? PlacesAtOnceOnPostgres : PlacesAtOnceOnSqlite;

    /// <summary>Calls a grain for each index, up to <paramref name="atOnce"/> at a time: grains are independent.</summary>
    private static Task ForEachGrainAsync(int count, int atOnce, Func<int, Task> call) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = atOnce }, async (i, _) => await call(i));

    private static ReturnsImportResult Result(string batchId, SubmissionPlan[] plans, bool dryRun)
    {
        var outcomes = new int[Enum.GetValues<ReturnOutcome>().Length];
        foreach (var outcome in plans.SelectMany(p => p.Answer.Outcomes)) outcomes[(int)outcome]++;
        return new ReturnsImportResult(batchId, outcomes[(int)ReturnOutcome.Imported], outcomes[(int)ReturnOutcome.Updated],
            outcomes[(int)ReturnOutcome.Unchanged], dryRun);
    }

    private static List<RowProblem> Warnings(IReadOnlyList<GrainGroup> groups, SubmissionPlan[] plans, string agency)
    {
        var warnings = new List<RowProblem>();
        for (var i = 0; i < groups.Count; i++)
            warnings.AddRange(plans[i].Answer.Outliers.Select(o => Warning(groups[i].Rows[o.Index], agency, o)));
        warnings.Sort((a, b) => a.Row.CompareTo(b.Row));
        return warnings;
    }

    /// <summary>An outlier the grain found, as a warning on the row it came from (accepted: the agency checks it).</summary>
    private static RowProblem Warning(AcceptedRow row, string agency, Outlier outlier) =>
        new(row.Row, "numerator", "outlier",
            $"{outlier.Value:G6} is {Math.Abs(outlier.Score):F1} modified z-scores from {agency}'s recent values for {row.Place}; check it is right.");

    /// <summary>One indicator grain's entries of a batch, to take in, with the reference its plan used.</summary>
    private sealed record Share(IIndicatorGrain Grain, string Place, string Indicator, IReadOnlyList<LedgerEntry> Entries);

    /// <summary>One indicator grain's rows of a batch, in submitted order.</summary>
    private sealed record GrainGroup(IIndicatorGrain Grain, IReadOnlyList<AcceptedRow> Rows)
    {
        public IReadOnlyList<ReturnedValue> Values() => [.. Rows.Select(r => r.Value)];

        /// <summary>The rows by indicator grain, each grain's in the order given, the grains in the order first met.</summary>
        public static List<GrainGroup> Of(IReadOnlyList<AcceptedRow> rows, IGrainFactory grains)
        {
            var byGrain = new Dictionary<(string Place, string Indicator), List<AcceptedRow>>();
            foreach (var row in rows)
            {
                if (!byGrain.TryGetValue((row.Place, row.Indicator), out var own)) byGrain[(row.Place, row.Indicator)] = own = [];
                own.Add(row);
            }
            return [.. byGrain.Select(g => new GrainGroup(grains.IndicatorGrain(g.Key.Place, g.Key.Indicator), g.Value))];
        }
    }
}

/// <summary>A batch's header row in <c>return_batches</c>.</summary>
public sealed record BatchHeader(string Id, string AgencyCode, string SubmittedBy, ReturnsSource Source, DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// Committed with its ledger entries and answer, its grains perhaps not all told yet: recovery tells them, if need be
    /// after a restart. (Before the batch commit, a batch was staged and committed in this state without its entries.)
    /// </summary>
    public const string Accepted = "accepted";

    public const string Applied = "applied";
}

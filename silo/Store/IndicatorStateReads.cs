using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Grains;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Silo.Store;

/// <summary>
/// Indicator grains' stored rows and contributions (<see cref="LedgerContributions"/>) read for many grains in one round
/// trip. An upload wakes hundreds of indicator grains at once, and each reading its own took a pooled
/// connection and two statements: about two thirds of the time an agency's first batch spent planning (see
/// docs/benchmarks.md). A grain's read joins the next query to start, never one already running, so it sees every write
/// committed before it asked, as a query of its own would. An indicator grain has one state,
/// <see cref="GrainStates.Indicator"/>.
/// </summary>
public sealed class IndicatorStateReads(Database database)
{
    /// <summary>Grains read by one query at most: past this, one query's rows would keep the first grains waiting.</summary>
    public const int MaxGrainsARead = 128;

    /// <summary>Queries at once: while one runs, the next gathers the grains that asked meanwhile.</summary>
    public const int ReadsAtOnce = 2;

    private static string RowsOf(StoreEngine engine) =>
        $"SELECT grain_key, data, version FROM grain_state WHERE grain_type = @type AND {SqlDialect.InList("grain_key", "keys", engine)}";

    private readonly Lock _gate = new();
    private readonly List<Waiting> _waiting = [];
    private int _reading;

    /// <summary>The grain's stored row (null when it has none) and its contributions by period, each in agency order (<see cref="PeriodContributions"/>).</summary>
    public Task<IndicatorStateRead> ReadAsync(string key)
    {
        // Parsed here: a key that is not place/indicator fails its own read, not the others' it would have joined.
        var (place, indicator) = IndicatorKey.Parse(key);
        var waiting = new Waiting(key, place, indicator, new TaskCompletionSource<IndicatorStateRead>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            _waiting.Add(waiting);
            if (_reading < ReadsAtOnce)
            {
                _reading++;
                _ = Task.Run(ReadWhileWaitingAsync);
            }
        }
        return waiting.Done.Task;
    }

    private async Task ReadWhileWaitingAsync()
    {
        while (true)
        {
            List<Waiting> taken;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _reading--;
                    return;
                }
                taken = _waiting[..Math.Min(_waiting.Count, MaxGrainsARead)];
                _waiting.RemoveRange(0, taken.Count);
            }
            try
            {
                var (rows, ledger) = await ReadManyAsync(taken);
                // Each its own contributions, even a key asked twice: a grain's state is changed in place.
                foreach (var w in taken)
                    w.Done.TrySetResult(new IndicatorStateRead(rows.TryGetValue(w.Key, out var row) ? row : null, LedgerContributions.ByPeriod(ledger[w.Key])));
            }
            catch (Exception e)
            {
                foreach (var w in taken) w.Done.TrySetException(e);
            }
        }
    }

    private async Task<(Dictionary<string, (string Data, long Version)> Rows, ILookup<string, LedgerRow> Ledger)> ReadManyAsync(List<Waiting> taken)
    {
        var grains = taken.DistinctBy(w => w.Key, StringComparer.Ordinal).ToArray();
        var parameters = new DynamicParameters(new { type = GrainStates.Indicator, keys = grains.Select(w => w.Key).ToArray() });
        LedgerContributions.AddPairs(parameters, [.. grains.Select(w => (w.Place, w.Indicator))]);
        await using var connection = await database.OpenAsync();
        // PostgreSQL compiles a query whose estimated cost passes jit_above_cost to machine code first: a read of 128
        // grains with a few hundred ledger rows each is estimated past it, and took 21 ms with the compiling against
        // 0.4 ms without (EXPLAIN ANALYZE, 100,000 rows, 6 December). Off for this read alone, in its own transaction
        // (on SQLite a transaction would take the write lock).
        await using var transaction = database.Engine == StoreEngine.Postgres ? await connection.BeginTransactionAsync() : null;
        if (transaction is not null) await connection.ExecuteAsync("SET LOCAL jit = off", transaction: transaction);
        Dictionary<string, (string Data, long Version)> rows;
        ILookup<string, LedgerRow> ledger;
        await using (var results = await connection.QueryMultipleAsync(
            $"{RowsOf(database.Engine)};\n{LedgerContributions.ForIndicators(grains.Length, database.Engine)}", parameters, transaction))
        {
            rows = (await results.ReadAsync<(string Key, string Data, long Version)>()).ToDictionary(r => r.Key, r => (r.Data, r.Version), StringComparer.Ordinal);
            ledger = (await results.ReadAsync<LedgerRow>()).ToLookup(r => IndicatorKey.For(r.Place, r.Indicator), StringComparer.Ordinal);
        }
        if (transaction is not null) await transaction.CommitAsync();
        return (rows, ledger);
    }

    private sealed record Waiting(string Key, string Place, string Indicator, TaskCompletionSource<IndicatorStateRead> Done);
}

/// <summary>An indicator grain's stored row, if any, and its contributions as the ledger holds them.</summary>
public sealed record IndicatorStateRead((string Data, long Version)? Row, Dictionary<string, Contribution[]> Periods);

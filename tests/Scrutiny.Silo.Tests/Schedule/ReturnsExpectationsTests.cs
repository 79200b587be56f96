using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Schedule;

/// <summary>
/// A scorecard's receipts (<see cref="ReturnsExpectations.ReceiptsAsync(string, IReadOnlyDictionary{string, string}, CancellationToken)"/>):
/// each indicator's returns for its own period only, revisions summed up, on each engine; on PostgreSQL read through
/// the ledger's key one pair at a time, not by descending it for every indicator and period combined.
/// </summary>
public sealed class ReturnsExpectationsTests
{
    private const string Manchester = "E08000003";
    private const string Trafford = "E08000009";
    private static readonly DateTimeOffset At = new(2026, 12, 6, 10, 15, 30, TimeSpan.Zero);

    [Theory, ClassData(typeof(Engines))]
    public async Task Each_indicator_is_read_for_its_own_period_with_its_revisions_summed_up(StoreEngine engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var database = await test.MigratedStoreAsync();
        await AppendAsync(database, engine,
        [
            Entry(Manchester, "admissions", "2025-11", "MFT", 1, At),
            Entry(Manchester, "admissions", "2025-11", "MFT", 2, At.AddDays(3)),
            Entry(Manchester, "admissions", "2025-11", "MCC", 1, At.AddDays(1)),
            // The other indicator's period, and an older one: neither is the period asked for admissions.
            Entry(Manchester, "admissions", "2025-10", "MFT", 1, At),
            Entry(Manchester, "admissions", "2025-Q3", "MFT", 1, At),
            Entry(Manchester, "reoffending", "2025-Q3", "GMP", 1, At.AddDays(2)),
            Entry(Manchester, "reoffending", "2025-11", "GMP", 1, At),
            // Another place's return for the same indicator and period.
            Entry(Trafford, "admissions", "2025-11", "MFT", 1, At),
        ]);

        var receipts = await new ReturnsExpectations(database, new SqlCatalogue(database)).ReceiptsAsync(Manchester,
            new Dictionary<string, string> { ["admissions"] = "2025-11", ["reoffending"] = "2025-Q3", ["delayed-days"] = "2025-11" });

        Assert.Equal(new Dictionary<ReturnKey, Receipt>
        {
            [new(Manchester, "admissions", "2025-11", "MFT")] = new(At, At.AddDays(3), 2),
            [new(Manchester, "admissions", "2025-11", "MCC")] = new(At.AddDays(1), At.AddDays(1), 1),
            [new(Manchester, "reoffending", "2025-Q3", "GMP")] = new(At.AddDays(2), At.AddDays(2), 1),
        }, receipts);
    }

    [Fact]
    public async Task On_postgresql_each_pair_is_looked_up_through_the_ledgers_key()
    {
        await using var test = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        await using var database = await test.MigratedStoreAsync();
        // One place's history: 50 indicators, 120 months each, and its statistics known to the planner.
        await AppendAsync(database, StoreEngine.Postgres, Enumerable.Range(0, 6000).Select(n =>
            Entry(Manchester, $"indicator-{n % 50}", new DateOnly(2016, 1, 1).AddMonths(n / 50).ToString("yyyy-MM"), "MFT", 1, At)));
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("ANALYZE returns_ledger");
        var periodOf = Enumerable.Range(0, 50).ToDictionary(i => $"indicator-{i}", i => i % 2 == 0 ? "2025-12" : "2025-11");

        var plan = string.Join("\n", await connection.QueryAsync<string>(
            $"EXPLAIN {ReturnsExpectations.ReceiptsOfPairs(periodOf.Count, StoreEngine.Postgres)}",
            ReturnsExpectations.PairParameters(Manchester, periodOf)));

        // Each pair a lookup of the key. The query before asked for every indicator against every period
        // (indicator_code = ANY (…) AND period = ANY (…)), one descent of the key for each combination; joined plainly
        // to the pairs, the planner read the place's whole history into a hash.
        Assert.DoesNotContain("ANY", plan);
        Assert.DoesNotContain("Seq Scan on returns_ledger", plan);
        Assert.Contains("Nested Loop", plan);
        Assert.Contains("AND (indicator_code = \"*VALUES*\".column1) AND (period = \"*VALUES*\".column2))", plan);
        var receipts = await new ReturnsExpectations(database, new SqlCatalogue(database)).ReceiptsAsync(Manchester, periodOf);
        Assert.Equal(50, receipts.Count);
        Assert.All(receipts, r => Assert.Equal(periodOf[r.Key.Indicator], r.Key.Period));
    }

    private static LedgerEntry Entry(string place, string indicator, string period, string agency, int revision, DateTimeOffset at) =>
        new("batch-1", place, indicator, period, agency, revision, 1, null, null, $"agency:{agency}", at);

    private static Task AppendAsync(Database database, StoreEngine engine, IEnumerable<LedgerEntry> entries) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await LedgerWriter.AppendAsync(connection, transaction, [.. entries], engine);
            return true;
        });
}

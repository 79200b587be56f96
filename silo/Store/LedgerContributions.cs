using System.Data.Common;
using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Grains;

namespace Scrutiny.Silo.Store;

/// <summary>
/// An indicator's current contributions read from the ledger: each agency's newest revision of each period. The
/// ledger is the one record of them; the indicator grain's stored state holds only its settings.
/// </summary>
public static class LedgerContributions
{
    /// <summary>
    /// Each agency's newest revision of each period among the ledger rows <paramref name="ledgerRows"/> selects (a clause
    /// on <c>returns_ledger l</c>), read from the subquery after <paramref name="before"/>: the one rule every read of
    /// contributions shares.
    /// </summary>
    private static string Newest(string ledgerRows, string before = "") =>
        $"""
        SELECT {LedgerRow.Columns}
        FROM {before}(SELECT l.*, ROW_NUMBER() OVER (PARTITION BY place_code, indicator_code, period, agency_code ORDER BY revision DESC) AS newest
              FROM returns_ledger l {ledgerRows}) AS r
        WHERE r.newest = 1
        """;

    /// <summary>
    /// Several indicators in several places (<see cref="IndicatorStateReads"/>): the pairs are parameters named by
    /// <see cref="AddPairs"/>, read through the ledger's key. On PostgreSQL each pair is looked up by itself
    /// (<c>LATERAL</c>): joined to the pairs, the planner chose to read the whole ledger and hash it once its statistics
    /// counted many rows a pair (after an ANALYZE with a few places' history, every read of waking grains took 60 ms
    /// rather than 7, and PostgreSQL's CPU in an import doubled: docs/benchmarks.md), and at England's size that is
    /// millions of rows a read. SQLite has no <c>LATERAL</c>, and its planner takes the key for the join.
    /// </summary>
    public static string ForIndicators(int count, StoreEngine engine) =>
        KeyPairs.With("place", "indicator", count) + "\n" + (engine == StoreEngine.Postgres
            ? Newest("WHERE l.place_code = k.place AND l.indicator_code = k.indicator", before: "k CROSS JOIN LATERAL ")
            : Newest("JOIN k ON l.place_code = k.place AND l.indicator_code = k.indicator"));

    /// <summary>The pairs as <see cref="ForIndicators"/> names them, added to <paramref name="parameters"/>.</summary>
    public static void AddPairs(DynamicParameters parameters, IReadOnlyList<(string Place, string Indicator)> pairs) =>
        KeyPairs.Add(parameters, "place", "indicator", pairs);

    /// <summary>Every place and indicator's newest rows, keyed as the indicator grains are (<see cref="IndicatorKey"/>).</summary>
    public static async Task<IReadOnlyDictionary<string, Dictionary<string, Contribution[]>>> ReadAllAsync(
        DbConnection connection, DbTransaction transaction)
    {
        var rows = await connection.QueryAsync<LedgerRow>(Newest(""), transaction: transaction);
        return rows.GroupBy(r => IndicatorKey.For(r.Place, r.Indicator), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ByPeriod(g), StringComparer.Ordinal);
    }

    /// <summary>Period → its contributions in agency order (the rows are each agency's newest).</summary>
    public static Dictionary<string, Contribution[]> ByPeriod(IEnumerable<LedgerRow> rows)
    {
        var periods = new Dictionary<string, Contribution[]>(StringComparer.Ordinal);
        foreach (var r in rows)
            periods[r.Period] = PeriodContributions.With(periods.GetValueOrDefault(r.Period), r.ToEntry().ToContribution());
        return periods;
    }
}

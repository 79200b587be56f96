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
    private const string Newest =
        """
        SELECT {1}
        FROM (SELECT l.*, ROW_NUMBER() OVER (PARTITION BY place_code, indicator_code, period, agency_code ORDER BY revision DESC) AS newest
              FROM returns_ledger l {0}) AS r
        WHERE newest = 1
        """;

    /// <summary>
    /// Several indicators in several places (<see cref="IndicatorStateReads"/>): the pairs are parameters <c>@p0</c>,
    /// <c>@i0</c>, <c>@p1</c>, <c>@i1</c>… read through the ledger's key. On PostgreSQL each pair is looked up by itself
    /// (<c>LATERAL</c>): joined to the pairs, the planner chose to read the whole ledger and hash it once its statistics
    /// counted many rows a pair (after an ANALYZE with a few places' history, every read of waking grains took 60 ms
    /// rather than 7, and PostgreSQL's CPU in an import doubled: docs/benchmarks.md), and at England's size that is
    /// millions of rows a read. SQLite has no <c>LATERAL</c>, and its planner takes the key for the join.
    /// </summary>
    public static string ForIndicators(int count, StoreEngine engine)
    {
        var pairs = $"WITH k (place, indicator) AS (VALUES {string.Join(", ", Enumerable.Range(0, count).Select(i => $"(@p{i}, @i{i})"))})\n";
        return engine == StoreEngine.Postgres
            ? pairs + $"""
                SELECT {LedgerRow.Columns}
                FROM k CROSS JOIN LATERAL (
                    SELECT l.*, ROW_NUMBER() OVER (PARTITION BY period, agency_code ORDER BY revision DESC) AS newest
                    FROM returns_ledger l WHERE l.place_code = k.place AND l.indicator_code = k.indicator) AS r
                WHERE r.newest = 1
                """
            : pairs + string.Format(System.Globalization.CultureInfo.InvariantCulture, Newest,
                "JOIN k ON l.place_code = k.place AND l.indicator_code = k.indicator", LedgerRow.Columns);
    }

    /// <summary>Every place and indicator's newest rows, keyed as the indicator grains are (<see cref="IndicatorKey"/>).</summary>
    public static async Task<IReadOnlyDictionary<string, Dictionary<string, Contribution[]>>> ReadAllAsync(
        DbConnection connection, DbTransaction transaction)
    {
        var rows = await connection.QueryAsync<LedgerRow>(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Newest, "", LedgerRow.Columns), transaction: transaction);
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

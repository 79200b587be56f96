using System.Text;
using Dapper;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Schedule;

/// <summary>Narrows <see cref="ReturnsExpectations"/> to a place, an indicator and an agency; null means any.</summary>
public sealed record ReturnsScope(string? Place = null, string? Indicator = null, string? Agency = null);

/// <summary>An agency that owes returns of an indicator for a place, whatever the period.</summary>
public sealed record Expectation(string Place, string Indicator, string Agency);

public readonly record struct ReturnKey(string Place, string Indicator, string Period, string Agency);

/// <summary>
/// Who owes which returns (an agency on a partnership board of the place, with the indicator assigned to it), from the
/// node's copy of the catalogue, and what the returns ledger holds for them.
/// </summary>
public sealed class ReturnsExpectations(Database database, ICatalogueReader catalogue)
{
    /// <summary>
    /// Read from the catalogue's copy, not the store: a scorecard asks for its place's on every read, and the query's
    /// join of boards, members and assignments (234 rows for a place of the England-scale catalogue) was a third of the
    /// store's time for each (docs/benchmarks.md, "Pages").
    /// </summary>
    public async Task<IReadOnlyList<Expectation>> ListAsync(ReturnsScope scope, CancellationToken cancellationToken = default)
    {
        var boards = await catalogue.ListBoardsAsync(scope.Place, cancellationToken);
        var assigned = await catalogue.AssignedIndicatorsAsync(cancellationToken);
        return [.. boards
            .SelectMany(board => board.MemberAgencies.Where(agency => scope.Agency is null || agency == scope.Agency)
                .SelectMany(agency => (assigned.GetValueOrDefault(agency) ?? NoIndicators)
                    .Where(indicator => scope.Indicator is null || indicator == scope.Indicator)
                    .Select(indicator => new Expectation(board.PlaceCode, indicator, agency))))
            .Distinct()];
    }

    private static readonly IReadOnlySet<string> NoIndicators = new HashSet<string>();

    /// <summary>Each return the ledger holds in scope (and for <paramref name="period"/>, when given), revisions summed up.</summary>
    public async Task<IReadOnlyDictionary<ReturnKey, Receipt>> ReceiptsAsync(ReturnsScope scope, string? period,
        CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder($"{ReceiptColumns}\nFROM returns_ledger l\nWHERE 1 = 1");
        Narrow(sql, scope, place: "l.place_code", indicator: "l.indicator_code", agency: "l.agency_code");
        if (period is not null) sql.Append(" AND l.period = @Period");
        sql.Append(' ').Append(ReceiptGroups);
        await using var connection = await database.OpenAsync(cancellationToken);
        return ToReceipts(await connection.QueryAsync<ReceiptRow>(new CommandDefinition(sql.ToString(),
            new { scope.Place, scope.Indicator, scope.Agency, Period = period }, cancellationToken: cancellationToken)));
    }

    /// <summary>
    /// One place's returns of several indicators, each for its own period (a scorecard's latest periods), in one query:
    /// each (indicator, period) pair is looked up through the ledger's key (place, indicator, period). The query this
    /// replaced asked for every indicator against every one of the periods, which PostgreSQL answered by descending the
    /// key once for each combination, 500 for a scorecard of 100 indicators: 3 ms a scorecard against 0.4, and 40% of
    /// the machine's CPU while 20 readers read one (docs/benchmarks.md, "Pages"). On PostgreSQL each pair is looked up
    /// by itself (<c>LATERAL</c>), as <see cref="LedgerContributions.ForIndicators"/> does; SQLite takes the key for the
    /// join.
    /// </summary>
    public async Task<IReadOnlyDictionary<ReturnKey, Receipt>> ReceiptsAsync(string placeCode, IReadOnlyDictionary<string, string> periodOf,
        CancellationToken cancellationToken = default)
    {
        if (periodOf.Count == 0) return new Dictionary<ReturnKey, Receipt>();
        await using var connection = await database.OpenAsync(cancellationToken);
        return ToReceipts(await connection.QueryAsync<ReceiptRow>(new CommandDefinition(
            ReceiptsOfPairs(periodOf.Count, database.Engine), PairParameters(placeCode, periodOf), cancellationToken: cancellationToken)));
    }

    /// <summary>The query of <see cref="ReceiptsAsync(string, IReadOnlyDictionary{string, string}, CancellationToken)"/> for
    /// <paramref name="count"/> pairs, named as <see cref="PairParameters"/> names them.</summary>
    public static string ReceiptsOfPairs(int count, StoreEngine engine)
    {
        var pairs = KeyPairs.With("indicator", "period", count);
        const string Ledger = "l.place_code = @Place AND l.indicator_code = k.indicator AND l.period = k.period";
        // The pair's rows summed up inside the LATERAL subquery: a plain one PostgreSQL pulls up into a join, which it
        // then ran by reading the place's whole history into a hash.
        return engine == StoreEngine.Postgres
            ? $"""
                {pairs}
                SELECT @Place AS Place, k.indicator AS Indicator, k.period AS Period, r.Agency, r.Revisions, r.FirstAt, r.LastAt
                FROM k CROSS JOIN LATERAL (SELECT l.agency_code AS Agency, {Summed} FROM returns_ledger l WHERE {Ledger} GROUP BY l.agency_code) AS r
                """
            : $"""
                {pairs}
                {ReceiptColumns}
                FROM k JOIN returns_ledger l ON {Ledger}
                {ReceiptGroups}
                """;
    }

    /// <summary>The place as <c>@Place</c>, and each indicator and its period as <see cref="KeyPairs"/> names them.</summary>
    public static DynamicParameters PairParameters(string placeCode, IReadOnlyDictionary<string, string> periodOf)
    {
        var parameters = new DynamicParameters(new { Place = placeCode });
        KeyPairs.Add(parameters, "indicator", "period", periodOf.Select(p => (p.Key, p.Value)));
        return parameters;
    }

    // ISO 8601 UTC text (SQLite) sorts in time order, so MIN and MAX mean first and last on both engines.
    private const string Summed = "COUNT(*) AS Revisions, MIN(l.submitted_at) AS FirstAt, MAX(l.submitted_at) AS LastAt";

    private const string ReceiptColumns =
        $"SELECT l.place_code AS Place, l.indicator_code AS Indicator, l.period AS Period, l.agency_code AS Agency, {Summed}";

    private const string ReceiptGroups = "GROUP BY l.place_code, l.indicator_code, l.period, l.agency_code";

    private static Dictionary<ReturnKey, Receipt> ToReceipts(IEnumerable<ReceiptRow> rows) => rows.ToDictionary(
        r => new ReturnKey(r.Place, r.Indicator, r.Period, r.Agency),
        r => new Receipt(SqlDialect.ReadTimestamp(r.FirstAt), SqlDialect.ReadTimestamp(r.LastAt), (int)r.Revisions));

    private static void Narrow(StringBuilder sql, ReturnsScope scope, string place, string indicator, string agency)
    {
        if (scope.Place is not null) sql.Append($" AND {place} = @Place");
        if (scope.Indicator is not null) sql.Append($" AND {indicator} = @Indicator");
        if (scope.Agency is not null) sql.Append($" AND {agency} = @Agency");
    }

    // Settable properties because the timestamps arrive as text (SQLite) or DateTimes (PostgreSQL).
    private sealed class ReceiptRow
    {
        public string Place { get; set; } = "";
        public string Indicator { get; set; } = "";
        public string Period { get; set; } = "";
        public string Agency { get; set; } = "";
        public long Revisions { get; set; }
        public object FirstAt { get; set; } = "";
        public object LastAt { get; set; } = "";
    }
}

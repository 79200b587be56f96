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
/// Who owes which returns (an agency on a partnership board of the place, with the indicator assigned to it), and
/// what the returns ledger holds for them.
/// </summary>
public sealed class ReturnsExpectations(Database database)
{
    public async Task<IReadOnlyList<Expectation>> ListAsync(ReturnsScope scope, CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder(
            """
            SELECT DISTINCT b.place_code, ai.indicator_code, ai.agency_code
            FROM boards b
            JOIN board_members m ON m.board_id = b.id
            JOIN agency_indicators ai ON ai.agency_code = m.agency_code
            WHERE 1 = 1
            """);
        Narrow(sql, scope, place: "b.place_code", indicator: "ai.indicator_code", agency: "m.agency_code");
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Place, string Indicator, string Agency)>(
            new CommandDefinition(sql.ToString(), scope, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Expectation(r.Place, r.Indicator, r.Agency))];
    }

    /// <summary>Each return the ledger holds in scope (and for <paramref name="period"/>, when given), revisions summed up.</summary>
    public Task<IReadOnlyDictionary<ReturnKey, Receipt>> ReceiptsAsync(ReturnsScope scope, string? period,
        CancellationToken cancellationToken = default) =>
        ReceiptsWhereAsync(scope, period is null ? null : [period], null, cancellationToken);

    /// <summary>
    /// One place's returns of several indicators, each for its own period (a scorecard's latest periods), in one query:
    /// the ledger's key (place, indicator, period) finds their rows without reading the place's whole history.
    /// </summary>
    public async Task<IReadOnlyDictionary<ReturnKey, Receipt>> ReceiptsAsync(string placeCode, IReadOnlyDictionary<string, string> periodOf,
        CancellationToken cancellationToken = default)
    {
        if (periodOf.Count == 0) return new Dictionary<ReturnKey, Receipt>();
        // Every indicator against every one of the periods, then each kept for its own: the periods are a handful (one or
        // two a frequency), so the rows of other pairs are few.
        var receipts = await ReceiptsWhereAsync(new ReturnsScope(placeCode), [.. periodOf.Values.Distinct(StringComparer.Ordinal)],
            [.. periodOf.Keys], cancellationToken);
        return receipts.Where(r => periodOf.TryGetValue(r.Key.Indicator, out var period) && period == r.Key.Period)
            .ToDictionary(r => r.Key, r => r.Value);
    }

    private async Task<IReadOnlyDictionary<ReturnKey, Receipt>> ReceiptsWhereAsync(ReturnsScope scope, string[]? periods, string[]? indicators,
        CancellationToken cancellationToken)
    {
        // ISO 8601 UTC text (SQLite) sorts in time order, so MIN and MAX mean first and last on both engines.
        var sql = new StringBuilder(
            """
            SELECT place_code AS Place, indicator_code AS Indicator, period AS Period, agency_code AS Agency,
                   COUNT(*) AS Revisions, MIN(submitted_at) AS FirstAt, MAX(submitted_at) AS LastAt
            FROM returns_ledger
            WHERE 1 = 1
            """);
        Narrow(sql, scope, place: "place_code", indicator: "indicator_code", agency: "agency_code");
        if (indicators is not null) sql.Append($" AND {SqlDialect.InList("indicator_code", "Indicators", database.Engine)}");
        if (periods is not null) sql.Append($" AND {SqlDialect.InList("period", "Periods", database.Engine)}");
        sql.Append(" GROUP BY place_code, indicator_code, period, agency_code");
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReceiptRow>(new CommandDefinition(sql.ToString(),
            new { scope.Place, scope.Indicator, scope.Agency, Periods = periods, Indicators = indicators }, cancellationToken: cancellationToken));
        return rows.ToDictionary(
            r => new ReturnKey(r.Place, r.Indicator, r.Period, r.Agency),
            r => new Receipt(SqlDialect.ReadTimestamp(r.FirstAt), SqlDialect.ReadTimestamp(r.LastAt), (int)r.Revisions));
    }

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

using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Publication;

/// <summary>The <c>publication_releases</c> table, and the audit row each release leaves.</summary>
public sealed class PublicationReleases(Database database)
{
    public const string AuditAction = "period_released";

    /// <summary>
    /// Records the release and its audit row in one transaction; false, writing nothing, when the period was
    /// released already (by someone else a moment ago, say).
    /// </summary>
    public Task<bool> AddAsync(PeriodRelease release, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM publication_releases WHERE indicator_code = @Indicator AND period = @Period",
                release, transaction, cancellationToken: cancellationToken));
            if (exists > 0) return false;
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO publication_releases (indicator_code, period, released_by, released_at)
                VALUES (@Indicator, @Period, @ReleasedBy, @at)
                """,
                new { release.Indicator, release.Period, release.ReleasedBy, at = SqlDialect.Timestamp(release.ReleasedAt, database.Engine) },
                transaction, cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, new AuditEntry(release.ReleasedAt, release.ReleasedBy, AuditAction,
                $"{release.Indicator}/{release.Period}", AuditLog.Detail(new { release.Indicator, release.Period })),
                database.Engine, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>An indicator's releases, or every one when <paramref name="indicatorCode"/> is null; newest first.</summary>
    public async Task<IReadOnlyList<PeriodRelease>> ListAsync(string? indicatorCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT indicator_code AS Indicator, period AS Period, released_by AS ReleasedBy, released_at AS ReleasedAt
            FROM publication_releases {(indicatorCode is null ? "" : "WHERE indicator_code = @indicatorCode")}
            ORDER BY released_at DESC, indicator_code, period
            """, new { indicatorCode }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PeriodRelease(r.Indicator, r.Period, r.ReleasedBy, SqlDialect.ReadTimestamp(r.ReleasedAt)))];
    }

    // Settable properties because the timestamp arrives as text (SQLite) or a DateTime (PostgreSQL).
    private sealed class Row
    {
        public string Indicator { get; set; } = "";
        public string Period { get; set; } = "";
        public string ReleasedBy { get; set; } = "";
        public object ReleasedAt { get; set; } = "";
    }
}

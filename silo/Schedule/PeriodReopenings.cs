using System.Text.Json;
using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Schedule;

/// <summary>The <c>period_reopenings</c> table, and the audit row each reopening leaves.</summary>
public sealed class PeriodReopenings(Database database, TimeProvider time)
{
    public const string AuditAction = "period_reopened";

    /// <summary>Reopens <paramref name="period"/> for one agency and records who did it and why, in one transaction.</summary>
    public Task<PeriodReopening> AddAsync(string agencyCode, string indicatorCode, Period period, string reason, string actor,
        CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var at = time.GetUtcNow();
            var stamp = SqlDialect.Timestamp(at, database.Engine);
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO period_reopenings (agency_code, indicator_code, period, reason, reopened_by, reopened_at)
                VALUES (@agencyCode, @indicatorCode, @period, @reason, @actor, @stamp) RETURNING id
                """,
                new { agencyCode, indicatorCode, period = period.ToString(), reason, actor, stamp }, transaction,
                cancellationToken: cancellationToken));
            var reopening = new PeriodReopening(id, agencyCode, indicatorCode, period.ToString(), reason, actor, at);
            await AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, actor, AuditAction,
                $"{agencyCode}/{indicatorCode}/{reopening.Period}", AuditLog.Detail(new { reopening = id, reason })),
                database.Engine, cancellationToken);
            return reopening;
        }, cancellationToken);

    /// <summary>One agency's reopenings, or everyone's when <paramref name="agencyCode"/> is null; oldest first.</summary>
    public async Task<IReadOnlyList<PeriodReopening>> ListAsync(string? agencyCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT id AS Id, agency_code AS Agency, indicator_code AS Indicator, period AS Period, reason AS Reason,
                   reopened_by AS ReopenedBy, reopened_at AS ReopenedAt
            FROM period_reopenings {(agencyCode is null ? "" : "WHERE agency_code = @agencyCode")} ORDER BY id
            """, new { agencyCode }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PeriodReopening(r.Id, r.Agency, r.Indicator, r.Period, r.Reason, r.ReopenedBy,
            SqlDialect.ReadTimestamp(r.ReopenedAt)))];
    }

    // Settable properties because the timestamp arrives as text (SQLite) or a DateTime (PostgreSQL).
    private sealed class Row
    {
        public long Id { get; set; }
        public string Agency { get; set; } = "";
        public string Indicator { get; set; } = "";
        public string Period { get; set; } = "";
        public string Reason { get; set; } = "";
        public string ReopenedBy { get; set; } = "";
        public object ReopenedAt { get; set; } = "";
    }
}

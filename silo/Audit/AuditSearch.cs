using Dapper;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Audit;

/// <summary>Reads the audit log by <see cref="AuditFilter"/>: a page at a time for people, every row for an export.</summary>
public sealed class AuditSearch(Database database)
{
    public const int PageSize = 50;

    private const string Columns = "id AS Id, at AS At, actor AS Actor, action AS Action, subject AS Subject, source AS Source, detail AS Detail";

    /// <summary>Page <paramref name="page"/> (from 1) of the rows that match, newest first.</summary>
    public async Task<AuditPage> SearchAsync(AuditFilter filter, int page, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var (where, parameters) = Where(filter);
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM audit_log {where}", parameters, cancellationToken: cancellationToken));
        parameters.Add("take", PageSize);
        // As a long: page 50,000,000 is past any log, but (page - 1) * 50 would overflow an int into a negative offset.
        parameters.Add("skip", (long)(page - 1) * PageSize);
        var rows = await connection.QueryAsync<StoredRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM audit_log {where} ORDER BY at DESC, id DESC LIMIT @take OFFSET @skip", parameters,
            cancellationToken: cancellationToken));
        return new AuditPage([.. rows.Select(r => r.ToRecord())], (int)total, page, PageSize);
    }

    /// <summary>Every row that matches, newest first.</summary>
    public Task<IReadOnlyList<AuditRecord>> AllAsync(AuditFilter filter, CancellationToken cancellationToken = default) =>
        NewestAsync(filter, null, cancellationToken);

    /// <summary>The newest <paramref name="limit"/> rows that match (every one when null), newest first.</summary>
    public async Task<IReadOnlyList<AuditRecord>> NewestAsync(AuditFilter filter, int? limit, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = Where(filter);
        if (limit is { } take) parameters.Add("take", take);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM audit_log {where} ORDER BY at DESC, id DESC{(limit is null ? "" : " LIMIT @take")}", parameters,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>The actions the log holds, for the search form's list.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT action FROM audit_log ORDER BY action", cancellationToken: cancellationToken))];
    }

    private (string Sql, DynamicParameters Parameters) Where(AuditFilter filter)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        // LOWER on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not. The text is searched for
        // literally: % and _ typed in a search are escaped.
        if (filter.Actor is { } actor)
        {
            conditions.Add(@"LOWER(actor) LIKE @actor ESCAPE '\'");
            parameters.Add("actor", Contains(actor));
        }
        if (filter.Subject is { } subject)
        {
            conditions.Add(@"LOWER(subject) LIKE @subject ESCAPE '\'");
            parameters.Add("subject", Contains(subject));
        }
        if (filter.Action is { } action)
        {
            conditions.Add("action = @action");
            parameters.Add("action", action);
        }
        if (filter.From is { } from)
        {
            conditions.Add("at >= @from");
            parameters.Add("from", SqlDialect.Timestamp(StartOf(from), database.Engine));
        }
        // The last day there is has no next day to end before: it leaves the search without an end.
        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            conditions.Add("at < @to");
            parameters.Add("to", SqlDialect.Timestamp(StartOf(to.AddDays(1)), database.Engine));
        }
        return (conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions), parameters);
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Contains(string text) =>
        "%" + text.ToLowerInvariant().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";

    private sealed class StoredRecord
    {
        public long Id { get; init; }
        public object At { get; init; } = "";
        public string Actor { get; init; } = "";
        public string Action { get; init; } = "";
        public string Subject { get; init; } = "";
        public string Source { get; init; } = "";
        public string? Detail { get; init; }

        public AuditRecord ToRecord() => new(Id, SqlDialect.ReadTimestamp(At), Actor, Action, Subject, Source, Detail ?? "");
    }
}

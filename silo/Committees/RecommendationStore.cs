using System.Data.Common;
using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Committees;

/// <summary>Which recommendations to read: a committee's, a place's committees', or those addressed to someone.</summary>
public sealed record RecommendationScope(string? CommitteeId = null, string? PlaceCode = null, IReadOnlyList<Addressee>? Addressees = null);

/// <summary>
/// The recommendations register, read and written. Each step (made, responded, an implementation update, closed) is
/// its own row, written with its audit row in one transaction; nothing is updated in place.
/// </summary>
public sealed class RecommendationStore(Database database)
{
    public async Task<IReadOnlyList<Recommendation>> ListAsync(RecommendationScope scope, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, scope, null, cancellationToken);
    }

    public async Task<Recommendation?> FindAsync(string committeeId, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadAsync(connection, null, new RecommendationScope(committeeId), id, cancellationToken)).SingleOrDefault();
    }

    /// <param name="alongside">Written in the same transaction (the notification the step causes), after the step.</param>
    public Task MakeAsync(Recommendation r, Func<DbConnection, DbTransaction, Task>? alongside = null, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO recommendations (id, committee_id, text, addressee_kind, addressee_code, made_on, response_due, made_by, made_at)
                VALUES (@Id, @CommitteeId, @Text, @kind, @code, @madeOn, @due, @MadeBy, @at)
                """, new
                {
                    r.Id, r.CommitteeId, r.Text, kind = CatalogueNames.Name(r.Addressee.Kind), code = r.Addressee.Code, madeOn = DayText.Of(r.MadeOn),
                    due = DayText.Of(r.ResponseDue), r.MadeBy, at = SqlDialect.Timestamp(r.MadeAt, database.Engine),
                }, transaction);
            await CommitteeStore.InsertLinksAsync(connection, transaction, "recommendation_evidence", "recommendation_id", r.Id, r.Evidence);
            await AuditAsync(connection, transaction, r.MadeAt, r.MadeBy, CommitteeActions.RecommendationMade, r, new
            {
                r.Text, addressee = AddresseeDetail(r.Addressee), evidence = r.Evidence.Select(CommitteeStore.LinkDetail),
                madeOn = DayText.Of(r.MadeOn), responseDue = DayText.Of(r.ResponseDue),
            }, cancellationToken);
            if (alongside is not null) await alongside(connection, transaction);
            return 0;
        }, cancellationToken);

    /// <summary>Records the addressee's response; false when one was already recorded (a response is given once).</summary>
    public Task<bool> RespondAsync(Recommendation r, RecommendationResponse response, Func<DbConnection, DbTransaction, Task>? alongside = null, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM recommendation_responses WHERE recommendation_id = @Id", new { r.Id }, transaction) > 0)
                return false;
            await connection.ExecuteAsync(
                """
                INSERT INTO recommendation_responses (recommendation_id, decision, reasons, implement_by, responded_by, responded_at)
                VALUES (@Id, @decision, @Reasons, @implementBy, @By, @at)
                """, new
                {
                    r.Id, decision = CatalogueNames.Name(response.Decision), response.Reasons, implementBy = DayText.Of(response.ImplementBy),
                    response.By, at = SqlDialect.Timestamp(response.At, database.Engine),
                }, transaction);
            await AuditAsync(connection, transaction, response.At, response.By, CommitteeActions.RecommendationResponded, r, new
            {
                decision = CatalogueNames.Name(response.Decision), response.Reasons, implementBy = DayText.Of(response.ImplementBy),
            }, cancellationToken);
            if (alongside is not null) await alongside(connection, transaction);
            return true;
        }, cancellationToken);

    public Task AddUpdateAsync(Recommendation r, ImplementationUpdate update, Func<DbConnection, DbTransaction, Task>? alongside = null, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO recommendation_updates (recommendation_id, status, text, evidence, updated_by, updated_at)
                VALUES (@Id, @status, @Text, @Evidence, @By, @at)
                """, new
                {
                    r.Id, status = CatalogueNames.Name(update.Status), update.Text, update.Evidence, update.By,
                    at = SqlDialect.Timestamp(update.At, database.Engine),
                }, transaction);
            await AuditAsync(connection, transaction, update.At, update.By, CommitteeActions.RecommendationUpdateAdded, r,
                new { status = CatalogueNames.Name(update.Status), update.Text, update.Evidence }, cancellationToken);
            if (alongside is not null) await alongside(connection, transaction);
            return 0;
        }, cancellationToken);

    /// <summary>Closes the recommendation; false when it was closed already.</summary>
    public Task<bool> CloseAsync(Recommendation r, RecommendationClosure closure, Func<DbConnection, DbTransaction, Task>? alongside = null, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM recommendation_closures WHERE recommendation_id = @Id", new { r.Id }, transaction) > 0)
                return false;
            await connection.ExecuteAsync(
                "INSERT INTO recommendation_closures (recommendation_id, note, closed_by, closed_at) VALUES (@Id, @Note, @By, @at)",
                new { r.Id, closure.Note, closure.By, at = SqlDialect.Timestamp(closure.At, database.Engine) }, transaction);
            await AuditAsync(connection, transaction, closure.At, closure.By, CommitteeActions.RecommendationClosed, r, new { closure.Note }, cancellationToken);
            if (alongside is not null) await alongside(connection, transaction);
            return true;
        }, cancellationToken);

    internal static object AddresseeDetail(Addressee a) => new { kind = CatalogueNames.Name(a.Kind), a.Code };

    private Task AuditAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset at, string actor, string action, Recommendation r,
        object detail, CancellationToken cancellationToken) =>
        AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, actor, action, CommitteeActions.Subject(r.CommitteeId, r.Id), AuditLog.Detail(detail)),
            database.Engine, cancellationToken);

    private static async Task<IReadOnlyList<Recommendation>> ReadAsync(DbConnection connection, DbTransaction? transaction, RecommendationScope scope,
        string? id, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var args = new DynamicParameters();
        if (scope.CommitteeId is not null) { where.Add("r.committee_id = @committee"); args.Add("committee", scope.CommitteeId); }
        if (scope.PlaceCode is not null) { where.Add("c.place_code = @place"); args.Add("place", scope.PlaceCode); }
        if (id is not null) { where.Add("r.id = @id"); args.Add("id", id); }
        if (scope.Addressees is { } addressees)
        {
            if (addressees.Count == 0) return [];
            var any = addressees.Select((a, i) =>
            {
                args.Add($"kind{i}", CatalogueNames.Name(a.Kind));
                args.Add($"code{i}", a.Code);
                return $"(r.addressee_kind = @kind{i} AND r.addressee_code = @code{i})";
            });
            where.Add($"({string.Join(" OR ", any)})");
        }
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var from = $"FROM recommendations r JOIN committees c ON c.id = r.committee_id {filter}";

        var rows = (await connection.QueryAsync<RecommendationRow>(new CommandDefinition(
            $"""
            SELECT r.id AS Id, r.committee_id AS CommitteeId, r.text AS Text, r.addressee_kind AS AddresseeKind, r.addressee_code AS AddresseeCode,
                r.made_on AS MadeOn, r.response_due AS ResponseDue, r.made_by AS MadeBy, r.made_at AS MadeAt
            {from} ORDER BY r.made_on DESC, r.made_at DESC, r.id
            """, args, transaction, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0) return [];
        var evidence = (await connection.QueryAsync<CommitteeStore.LinkRow>(new CommandDefinition(
                $"SELECT e.recommendation_id AS Owner, e.kind AS Kind, e.reference AS Reference FROM recommendation_evidence e WHERE e.recommendation_id IN (SELECT r.id {from}) ORDER BY e.recommendation_id, e.position",
                args, transaction, cancellationToken: cancellationToken)))
            .ToLookup(l => l.Owner, l => l.ToLink(), StringComparer.Ordinal);
        var responses = (await connection.QueryAsync<ResponseRow>(new CommandDefinition(
                $"""
                SELECT x.recommendation_id AS Id, x.decision AS Decision, x.reasons AS Reasons, x.implement_by AS ImplementBy, x.responded_by AS RespondedBy,
                    x.responded_at AS RespondedAt
                FROM recommendation_responses x WHERE x.recommendation_id IN (SELECT r.id {from})
                """, args, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(x => x.Id, x => x.ToResponse(), StringComparer.Ordinal);
        var updates = (await connection.QueryAsync<UpdateRow>(new CommandDefinition(
                $"""
                SELECT u.recommendation_id AS Id, u.status AS Status, u.text AS Text, u.evidence AS Evidence, u.updated_by AS UpdatedBy, u.updated_at AS UpdatedAt
                FROM recommendation_updates u WHERE u.recommendation_id IN (SELECT r.id {from}) ORDER BY u.id
                """, args, transaction, cancellationToken: cancellationToken)))
            .ToLookup(u => u.Id, u => u.ToUpdate(), StringComparer.Ordinal);
        var closures = (await connection.QueryAsync<ClosureRow>(new CommandDefinition(
                $"""
                SELECT x.recommendation_id AS Id, x.note AS Note, x.closed_by AS ClosedBy, x.closed_at AS ClosedAt
                FROM recommendation_closures x WHERE x.recommendation_id IN (SELECT r.id {from})
                """, args, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(x => x.Id, x => new RecommendationClosure(x.Note, x.ClosedBy, SqlDialect.ReadTimestamp(x.ClosedAt)), StringComparer.Ordinal);
        return [.. rows.Select(r => new Recommendation(r.Id, r.CommitteeId, r.Text,
            new Addressee(CatalogueNames.Parse<AddresseeKind>(r.AddresseeKind), r.AddresseeCode), [.. evidence[r.Id]],
            DayText.Parse(r.MadeOn), DayText.Parse(r.ResponseDue), r.MadeBy, SqlDialect.ReadTimestamp(r.MadeAt),
            responses.GetValueOrDefault(r.Id), [.. updates[r.Id]], closures.GetValueOrDefault(r.Id)))];
    }

    private sealed class RecommendationRow
    {
        public string Id { get; init; } = "";
        public string CommitteeId { get; init; } = "";
        public string Text { get; init; } = "";
        public string AddresseeKind { get; init; } = "";
        public string AddresseeCode { get; init; } = "";
        public string MadeOn { get; init; } = "";
        public string ResponseDue { get; init; } = "";
        public string MadeBy { get; init; } = "";
        public object MadeAt { get; init; } = "";
    }

    private sealed class ResponseRow
    {
        public string Id { get; init; } = "";
        public string Decision { get; init; } = "";
        public string Reasons { get; init; } = "";
        public string? ImplementBy { get; init; }
        public string RespondedBy { get; init; } = "";
        public object RespondedAt { get; init; } = "";

        public RecommendationResponse ToResponse() => new(CatalogueNames.Parse<ResponseDecision>(Decision), Reasons, DayText.ParseOrNull(ImplementBy),
            RespondedBy, SqlDialect.ReadTimestamp(RespondedAt));
    }

    private sealed class UpdateRow
    {
        public string Id { get; init; } = "";
        public string Status { get; init; } = "";
        public string Text { get; init; } = "";
        public string? Evidence { get; init; }
        public string UpdatedBy { get; init; } = "";
        public object UpdatedAt { get; init; } = "";

        public ImplementationUpdate ToUpdate() => new(CatalogueNames.Parse<ImplementationStatus>(Status), Text, Evidence, UpdatedBy,
            SqlDialect.ReadTimestamp(UpdatedAt));
    }

    private sealed class ClosureRow
    {
        public string Id { get; init; } = "";
        public string Note { get; init; } = "";
        public string ClosedBy { get; init; } = "";
        public object ClosedAt { get; init; } = "";
    }
}

using System.Data.Common;
using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Committees;

/// <summary>Committees' questions to partners and their answers; each write with its audit row in one transaction.</summary>
public sealed class QuestionStore(Database database)
{
    /// <summary>A committee's questions, or (<paramref name="committeeId"/> null) those addressed to any of <paramref name="addressees"/>.</summary>
    public async Task<IReadOnlyList<Question>> ListAsync(string? committeeId, IReadOnlyList<Addressee>? addressees = null,
        CancellationToken cancellationToken = default)
    {
        var where = new List<string>();
        var args = new DynamicParameters();
        if (committeeId is not null) { where.Add("committee_id = @committee"); args.Add("committee", committeeId); }
        if (addressees is not null)
        {
            if (addressees.Count == 0) return [];
            where.Add("(" + string.Join(" OR ", addressees.Select((a, i) =>
            {
                args.Add($"kind{i}", CatalogueNames.Name(a.Kind));
                args.Add($"code{i}", a.Code);
                return $"(addressee_kind = @kind{i} AND addressee_code = @code{i})";
            })) + ")");
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<QuestionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM committee_questions {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))} ORDER BY due_on, asked_at, id",
            args, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToQuestion())];
    }

    public async Task<Question?> FindAsync(string committeeId, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<QuestionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM committee_questions WHERE committee_id = @committeeId AND id = @id", new { committeeId, id },
            cancellationToken: cancellationToken)))?.ToQuestion();
    }

    /// <param name="alongside">Written in the same transaction (the notification the question causes), after it.</param>
    public Task AskAsync(Question q, Func<DbConnection, DbTransaction, Task>? alongside = null, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await InsertAsync(connection, transaction, q, cancellationToken);
            if (alongside is not null) await alongside(connection, transaction);
            return 0;
        }, cancellationToken);

    /// <summary>Writes a question and its audit row in the caller's transaction (a resident's submission published as a question).</summary>
    internal async Task InsertAsync(DbConnection connection, DbTransaction transaction, Question q, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO committee_questions (id, committee_id, addressee_kind, addressee_code, text, asked_on, due_on, asked_by, asked_at,
                resident_submission, resident_name)
            VALUES (@Id, @CommitteeId, @kind, @code, @Text, @askedOn, @dueOn, @AskedBy, @at, @submission, @name)
            """, new
            {
                q.Id, q.CommitteeId, kind = CatalogueNames.Name(q.Addressee.Kind), code = q.Addressee.Code, q.Text, askedOn = DayText.Of(q.AskedOn),
                dueOn = DayText.Of(q.DueOn), q.AskedBy, at = SqlDialect.Timestamp(q.AskedAt, database.Engine),
                submission = q.Resident?.Submission, name = q.Resident?.Name,
            }, transaction);
        var addressee = RecommendationStore.AddresseeDetail(q.Addressee);
        await AuditAsync(connection, transaction, q.AskedAt, q.AskedBy, CommitteeActions.QuestionAsked, q, q.Resident is { } resident
            ? new { q.Text, addressee, dueOn = DayText.Of(q.DueOn), residentSubmission = resident.Submission }
            : new { q.Text, addressee, dueOn = DayText.Of(q.DueOn) }, cancellationToken);
    }

    /// <summary>Records the answer; false when the question was answered already (an answer is given once).</summary>
    public Task<bool> AnswerAsync(Question q, QuestionAnswer answer, Func<DbConnection, DbTransaction, Task>? alongside = null, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var changed = await connection.ExecuteAsync(
                "UPDATE committee_questions SET answer = @Text, answered_by = @By, answered_at = @at WHERE id = @id AND answer IS NULL",
                new { id = q.Id, answer.Text, answer.By, at = SqlDialect.Timestamp(answer.At, database.Engine) }, transaction);
            if (changed == 0) return false;
            await AuditAsync(connection, transaction, answer.At, answer.By, CommitteeActions.QuestionAnswered, q, new { answer = answer.Text }, cancellationToken);
            if (alongside is not null) await alongside(connection, transaction);
            return true;
        }, cancellationToken);

    private Task AuditAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset at, string actor, string action, Question q,
        object detail, CancellationToken cancellationToken) =>
        AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, actor, action, CommitteeActions.Subject(q.CommitteeId, q.Id), AuditLog.Detail(detail)),
            database.Engine, cancellationToken);

    private const string Columns =
        """
        id AS Id, committee_id AS CommitteeId, addressee_kind AS AddresseeKind, addressee_code AS AddresseeCode, text AS Text, asked_on AS AskedOn,
        due_on AS DueOn, asked_by AS AskedBy, asked_at AS AskedAt, answer AS Answer, answered_by AS AnsweredBy, answered_at AS AnsweredAt,
        resident_submission AS ResidentSubmission, resident_name AS ResidentName
        """;

    private sealed class QuestionRow
    {
        public string Id { get; init; } = "";
        public string CommitteeId { get; init; } = "";
        public string AddresseeKind { get; init; } = "";
        public string AddresseeCode { get; init; } = "";
        public string Text { get; init; } = "";
        public string AskedOn { get; init; } = "";
        public string DueOn { get; init; } = "";
        public string AskedBy { get; init; } = "";
        public object AskedAt { get; init; } = "";
        public string? Answer { get; init; }
        public string? AnsweredBy { get; init; }
        public object? AnsweredAt { get; init; }
        public string? ResidentSubmission { get; init; }
        public string? ResidentName { get; init; }

        public Question ToQuestion() => new(Id, CommitteeId, new Addressee(CatalogueNames.Parse<AddresseeKind>(AddresseeKind), AddresseeCode), Text,
            DayText.Parse(AskedOn), DayText.Parse(DueOn), AskedBy, SqlDialect.ReadTimestamp(AskedAt),
            Answer is null ? null : new QuestionAnswer(Answer, AnsweredBy!, SqlDialect.ReadTimestamp(AnsweredAt!)),
            ResidentSubmission is null ? null : new ResidentAsker(ResidentSubmission, ResidentName));
    }
}

using System.Data.Common;
using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Committees;

/// <summary>
/// Residents' submissions to committees; each write with its audit row in one transaction. A decision changes a
/// submission only while it is received, so two clicks (or two members) never decide it twice. The email column is
/// read by <see cref="QueueAsync"/> alone.
/// </summary>
public sealed class ResidentSubmissionStore(Database database, QuestionStore questions)
{
    /// <summary>Who the audit log says sent a submission: a resident has no account, and nothing that would tell one from another is kept.</summary>
    public const string ResidentActor = "resident";

    /// <param name="alongside">Written in the same transaction (the committee's notification), after the submission.</param>
    public Task ReceiveAsync(ResidentSubmission s, string? email, Func<DbConnection, DbTransaction, Task>? alongside = null,
        CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO resident_submissions (id, committee_id, kind, place_code, text, name, email, received_at, state)
                VALUES (@Id, @CommitteeId, @kind, @PlaceCode, @Text, @Name, @email, @at, @state)
                """, new
                {
                    s.Id, s.CommitteeId, kind = CatalogueNames.Name(s.Kind), s.PlaceCode, s.Text, s.Name, email,
                    at = SqlDialect.Timestamp(s.ReceivedAt, database.Engine), state = CatalogueNames.Name(SubmissionState.Received),
                }, transaction);
            // Neither the name nor the email address: the log is read by administrators, the address is the committee's alone.
            await AuditAsync(connection, transaction, s.ReceivedAt, ResidentActor, CommitteeActions.SubmissionReceived, s,
                new { kind = CatalogueNames.Name(s.Kind), s.Text, place = s.PlaceCode, nameGiven = s.Name is not null, emailGiven = email is not null },
                cancellationToken);
            if (alongside is not null) await alongside(connection, transaction);
            return 0;
        }, cancellationToken);

    public async Task<ResidentSubmission?> FindAsync(string committeeId, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM resident_submissions WHERE committee_id = @committeeId AND id = @id", new { committeeId, id },
            cancellationToken: cancellationToken)))?.ToSubmission();
    }

    /// <summary>A committee's submissions, oldest first, without email addresses.</summary>
    public async Task<IReadOnlyList<ResidentSubmission>> ListAsync(string committeeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM resident_submissions WHERE committee_id = @committeeId ORDER BY received_at, id", new { committeeId },
            cancellationToken: cancellationToken))).Select(r => r.ToSubmission())];
    }

    /// <summary>A committee's submissions with the email addresses given, for its members' queue only.</summary>
    public async Task<IReadOnlyList<QueuedSubmission>> QueueAsync(string committeeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns}, email AS Email FROM resident_submissions WHERE committee_id = @committeeId ORDER BY received_at, id", new { committeeId },
            cancellationToken: cancellationToken))).Select(r => new QueuedSubmission(r.ToSubmission(), r.Email))];
    }

    /// <summary>Publishes a received question as <paramref name="question"/>; false when it was decided already (nothing is written).</summary>
    /// <param name="notify">The addressee's notification of the question, written in the same transaction.</param>
    public Task<bool> PublishQuestionAsync(ResidentSubmission s, Question question, Func<DbConnection, DbTransaction, Task>? notify = null,
        CancellationToken cancellationToken = default) =>
        DecideAsync(s, SubmissionState.Published, question.AskedBy, question.AskedAt, CommitteeActions.SubmissionPublished,
            Set(), new { question = question.Id }, async (connection, transaction) =>
            {
                // The question first: the submission's reference to it must find it.
                await questions.InsertAsync(connection, transaction, question, cancellationToken);
                await connection.ExecuteAsync("UPDATE resident_submissions SET question_id = @question WHERE id = @id",
                    new { question = question.Id, id = s.Id }, transaction);
                if (notify is not null) await notify(connection, transaction);
            }, cancellationToken);

    public Task<bool> PublishTopicAsync(ResidentSubmission s, string? topicId, string actor, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        DecideAsync(s, SubmissionState.Published, actor, at, CommitteeActions.SubmissionPublished, Set(("topic_id", topicId)), new { topic = topicId }, null,
            cancellationToken);

    public Task<bool> DeclineAsync(ResidentSubmission s, string reason, string actor, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        DecideAsync(s, SubmissionState.Declined, actor, at, CommitteeActions.SubmissionDeclined, Set(("reason", reason)), new { reason }, null, cancellationToken);

    public Task<bool> MergeAsync(ResidentSubmission s, string? intoSubmission, string? intoQuestion, string actor, DateTimeOffset at,
        CancellationToken cancellationToken = default) =>
        DecideAsync(s, SubmissionState.Merged, actor, at, CommitteeActions.SubmissionMerged,
            Set(("merged_into", intoSubmission), ("merged_into_question", intoQuestion)),
            new { intoSubmission, intoQuestion }, null, cancellationToken);

    /// <summary>
    /// Sets the decision's columns (<paramref name="columns"/>, named in code, never from input) while the
    /// submission is still received, then writes what goes with it and the audit row; false, with nothing written,
    /// when another decision came first.
    /// </summary>
    private Task<bool> DecideAsync(ResidentSubmission s, SubmissionState state, string actor, DateTimeOffset at, string action, IReadOnlyDictionary<string, object?> columns,
        object detail, Func<DbConnection, DbTransaction, Task>? alongside, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var args = new DynamicParameters();
            foreach (var (column, value) in columns) args.Add(column, value);
            args.Add("id", s.Id);
            args.Add("committeeId", s.CommitteeId);
            args.Add("state", CatalogueNames.Name(state));
            args.Add("received", CatalogueNames.Name(SubmissionState.Received));
            args.Add("decidedBy", actor);
            args.Add("decidedAt", SqlDialect.Timestamp(at, database.Engine));
            var sets = string.Concat(columns.Keys.Select(c => $", {c} = @{c}"));
            var changed = await connection.ExecuteAsync(
                $"""
                UPDATE resident_submissions SET state = @state, decided_by = @decidedBy, decided_at = @decidedAt{sets}
                WHERE id = @id AND committee_id = @committeeId AND state = @received
                """, args, transaction);
            if (changed == 0) return false;
            if (alongside is not null) await alongside(connection, transaction);
            await AuditAsync(connection, transaction, at, actor, action, s, detail, cancellationToken);
            return true;
        }, cancellationToken);

    private static Dictionary<string, object?> Set(params (string Column, object? Value)[] columns) =>
        columns.ToDictionary(c => c.Column, c => c.Value, StringComparer.Ordinal);

    private Task AuditAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset at, string actor, string action, ResidentSubmission s,
        object detail, CancellationToken cancellationToken) =>
        AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, actor, action, CommitteeActions.Subject(s.CommitteeId, s.Id), AuditLog.Detail(detail)),
            database.Engine, cancellationToken);

    private const string Columns =
        """
        id AS Id, committee_id AS CommitteeId, kind AS Kind, place_code AS PlaceCode, text AS Text, name AS Name, received_at AS ReceivedAt,
        state AS State, reason AS Reason, merged_into AS MergedInto, merged_into_question AS MergedIntoQuestion, question_id AS QuestionId,
        topic_id AS TopicId, decided_by AS DecidedBy, decided_at AS DecidedAt
        """;

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string CommitteeId { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? PlaceCode { get; init; }
        public string Text { get; init; } = "";
        public string? Name { get; init; }
        public object ReceivedAt { get; init; } = "";
        public string State { get; init; } = "";
        public string? Reason { get; init; }
        public string? MergedInto { get; init; }
        public string? MergedIntoQuestion { get; init; }
        public string? QuestionId { get; init; }
        public string? TopicId { get; init; }
        public string? DecidedBy { get; init; }
        public object? DecidedAt { get; init; }
        public string? Email { get; init; }

        public ResidentSubmission ToSubmission() => new(Id, CommitteeId, CatalogueNames.Parse<SubmissionKind>(Kind), PlaceCode, Text, Name,
            SqlDialect.ReadTimestamp(ReceivedAt), CatalogueNames.Parse<SubmissionState>(State), Reason, MergedInto, MergedIntoQuestion, QuestionId, TopicId,
            DecidedBy, DecidedAt is null ? null : SqlDialect.ReadTimestamp(DecidedAt));
    }
}

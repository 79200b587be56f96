using System.Data.Common;
using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Meetings;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Committees;

/// <summary>Committees, their meeting dates and work programmes, read and written; each write with its audit row in one transaction.</summary>
public sealed class CommitteeStore(Database database)
{
    public async Task<IReadOnlyList<Committee>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CommitteeRow>(new CommandDefinition(
            $"SELECT {Columns} FROM committees ORDER BY name, id", cancellationToken: cancellationToken));
        var meetings = (await connection.QueryAsync<(string Committee, string Day)>(new CommandDefinition(
                "SELECT committee_id, meets_on FROM committee_meetings ORDER BY meets_on", cancellationToken: cancellationToken)))
            .ToLookup(m => m.Committee, m => DayText.Parse(m.Day), StringComparer.Ordinal);
        return [.. rows.Select(r => r.ToCommittee(meetings[r.Id]))];
    }

    public async Task<Committee?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, id, cancellationToken);
    }

    /// <summary>Saves a new committee; false when the id is taken.</summary>
    public Task<bool> CreateAsync(Committee committee, string actor, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM committees WHERE id = @Id", new { committee.Id }, transaction) > 0)
                return false;
            await connection.ExecuteAsync(
                "INSERT INTO committees (id, name, place_code, response_months, created_at) VALUES (@Id, @Name, @PlaceCode, @ResponseMonths, @at)",
                new { committee.Id, committee.Name, committee.PlaceCode, committee.ResponseMonths, at = SqlDialect.Timestamp(at, database.Engine) }, transaction);
            await MeetingRows.ReplaceAsync(connection, transaction, database.Engine, MeetingOwner.Committee, committee.Id, committee.Meetings, at);
            await AuditAsync(connection, transaction, at, actor, CommitteeActions.Created, CommitteeActions.Subject(committee.Id),
                new { committee.Name, place = committee.PlaceCode, committee.ResponseMonths, meetings = committee.Meetings.Select(DayText.Of) }, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Replaces a committee's name, place, response months and meeting dates; null when there is no such committee.</summary>
    public Task<Committee?> UpdateAsync(Committee committee, string actor, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await ReadAsync(connection, transaction, committee.Id, cancellationToken) is not { } before) return null;
            await connection.ExecuteAsync(
                "UPDATE committees SET name = @Name, place_code = @PlaceCode, response_months = @ResponseMonths WHERE id = @Id",
                new { committee.Id, committee.Name, committee.PlaceCode, committee.ResponseMonths }, transaction);
            await MeetingRows.ReplaceAsync(connection, transaction, database.Engine, MeetingOwner.Committee, committee.Id, committee.Meetings, at);
            await AuditAsync(connection, transaction, at, actor, CommitteeActions.Updated, CommitteeActions.Subject(committee.Id),
                new { before = Detail(before), after = Detail(committee) }, cancellationToken);
            return (Committee?)committee;
        }, cancellationToken);

    /// <summary>Replaces the meeting dates only (what a committee's members may change); null when there is no such committee.</summary>
    public Task<Committee?> SetMeetingsAsync(string id, IReadOnlyList<DateOnly> meetings, string actor, DateTimeOffset at,
        CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await ReadAsync(connection, transaction, id, cancellationToken) is not { } before) return null;
            await MeetingRows.ReplaceAsync(connection, transaction, database.Engine, MeetingOwner.Committee, id, meetings, at);
            await AuditAsync(connection, transaction, at, actor, CommitteeActions.MeetingsSet, CommitteeActions.Subject(id),
                new { before = before.Meetings.Select(DayText.Of), after = meetings.Select(DayText.Of) }, cancellationToken);
            return (Committee?)(before with { Meetings = meetings });
        }, cancellationToken);

    /// <summary>The committee's meetings with their ids, by day.</summary>
    public async Task<IReadOnlyList<Meeting>> ListMeetingsAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await MeetingRows.ListAsync(connection, null, MeetingOwner.Committee, id, cancellationToken);
    }

    /// <summary>Moves one meeting to another day, keeping its id (so a subscribed calendar moves it); audited when it moved.</summary>
    public Task<MeetingMove> MoveMeetingAsync(string id, string meetingId, DateOnly on, string actor, DateTimeOffset at,
        CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
            await MeetingRows.MoveAsync(connection, transaction, database.Engine, MeetingOwner.Committee, id, meetingId, on, at,
                actor, CommitteeActions.MeetingMoved, CommitteeActions.Subject(id), cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<WorkProgrammeTopic>> ListTopicsAsync(string committeeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var topics = await connection.QueryAsync<TopicRow>(new CommandDefinition(
            $"SELECT {TopicColumns} FROM work_programme_topics WHERE committee_id = @committeeId ORDER BY meeting_on, created_at, id",
            new { committeeId }, cancellationToken: cancellationToken));
        var links = (await connection.QueryAsync<LinkRow>(new CommandDefinition(
                """
                SELECT l.topic_id AS Owner, l.kind AS Kind, l.reference AS Reference FROM work_programme_links l
                JOIN work_programme_topics t ON t.id = l.topic_id WHERE t.committee_id = @committeeId ORDER BY l.topic_id, l.position
                """, new { committeeId }, cancellationToken: cancellationToken)))
            .ToLookup(l => l.Owner, l => l.ToLink(), StringComparer.Ordinal);
        // Topics with no meeting yet come last, not first (NULL sorts first in SQLite, last in PostgreSQL).
        return [.. topics.Select(t => t.ToTopic(links[t.Id])).OrderBy(t => t.MeetingOn is null).ThenBy(t => t.MeetingOn)];
    }

    public Task AddTopicAsync(WorkProgrammeTopic topic, string actor, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var stamp = SqlDialect.Timestamp(at, database.Engine);
            await connection.ExecuteAsync(
                """
                INSERT INTO work_programme_topics (id, committee_id, title, description, meeting_on, status, created_at, updated_at)
                VALUES (@Id, @CommitteeId, @Title, @Description, @meeting, @status, @stamp, @stamp)
                """, new { topic.Id, topic.CommitteeId, topic.Title, topic.Description, meeting = DayText.Of(topic.MeetingOn),
                    status = CatalogueNames.Name(topic.Status), stamp }, transaction);
            await InsertLinksAsync(connection, transaction, "work_programme_links", "topic_id", topic.Id, topic.Links);
            await AuditAsync(connection, transaction, at, actor, CommitteeActions.TopicAdded, CommitteeActions.Subject(topic.CommitteeId, topic.Id),
                TopicDetail(topic), cancellationToken);
            return 0;
        }, cancellationToken);

    /// <summary>Replaces a topic's fields and links; false when the committee has no such topic.</summary>
    public Task<bool> UpdateTopicAsync(WorkProgrammeTopic topic, string actor, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await connection.QuerySingleOrDefaultAsync<TopicRow>(
                $"SELECT {TopicColumns} FROM work_programme_topics WHERE id = @Id AND committee_id = @CommitteeId", new { topic.Id, topic.CommitteeId }, transaction);
            if (before is null) return false;
            var beforeLinks = (await connection.QueryAsync<LinkRow>(
                "SELECT topic_id AS Owner, kind AS Kind, reference AS Reference FROM work_programme_links WHERE topic_id = @Id ORDER BY position",
                new { topic.Id }, transaction)).Select(l => l.ToLink()).ToList();
            await connection.ExecuteAsync(
                """
                UPDATE work_programme_topics SET title = @Title, description = @Description, meeting_on = @meeting, status = @status, updated_at = @stamp
                WHERE id = @Id
                """, new { topic.Id, topic.Title, topic.Description, meeting = DayText.Of(topic.MeetingOn), status = CatalogueNames.Name(topic.Status),
                    stamp = SqlDialect.Timestamp(at, database.Engine) }, transaction);
            await connection.ExecuteAsync("DELETE FROM work_programme_links WHERE topic_id = @Id", new { topic.Id }, transaction);
            await InsertLinksAsync(connection, transaction, "work_programme_links", "topic_id", topic.Id, topic.Links);
            await AuditAsync(connection, transaction, at, actor, CommitteeActions.TopicUpdated, CommitteeActions.Subject(topic.CommitteeId, topic.Id),
                new { before = TopicDetail(before.ToTopic(beforeLinks)), after = TopicDetail(topic) }, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Writes links in their order, to a topic's or a recommendation's table.</summary>
    internal static Task InsertLinksAsync(DbConnection connection, DbTransaction transaction, string table, string ownerColumn, string owner,
        IReadOnlyList<Link> links) =>
        connection.ExecuteAsync($"INSERT INTO {table} ({ownerColumn}, position, kind, reference) VALUES (@owner, @position, @kind, @reference)",
            links.Select((l, i) => new { owner, position = i + 1, kind = CatalogueNames.Name(l.Kind), reference = l.Reference }), transaction);

    internal static object LinkDetail(Link link) => new { kind = CatalogueNames.Name(link.Kind), link.Reference };

    private Task AuditAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset at, string actor, string action, string subject,
        object detail, CancellationToken cancellationToken) =>
        AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, actor, action, subject, AuditLog.Detail(detail)), database.Engine, cancellationToken);

    private static object Detail(Committee c) =>
        new { c.Name, place = c.PlaceCode, c.ResponseMonths, meetings = c.Meetings.Select(DayText.Of) };

    private static object TopicDetail(WorkProgrammeTopic t) => new
    {
        t.Title, t.Description, meetingOn = DayText.Of(t.MeetingOn), status = CatalogueNames.Name(t.Status), links = t.Links.Select(LinkDetail),
    };

    private static async Task<Committee?> ReadAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<CommitteeRow>(new CommandDefinition(
            $"SELECT {Columns} FROM committees WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        if (row is null) return null;
        var meetings = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT meets_on FROM committee_meetings WHERE committee_id = @id ORDER BY meets_on", new { id }, transaction, cancellationToken: cancellationToken));
        return row.ToCommittee(meetings.Select(DayText.Parse));
    }

    private const string Columns = "id AS Id, name AS Name, place_code AS PlaceCode, response_months AS ResponseMonths";

    private const string TopicColumns =
        "id AS Id, committee_id AS CommitteeId, title AS Title, description AS Description, meeting_on AS MeetingOn, status AS Status";

    private sealed class CommitteeRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string PlaceCode { get; init; } = "";
        public long ResponseMonths { get; init; }

        public Committee ToCommittee(IEnumerable<DateOnly> meetings) => new(Id, Name, PlaceCode, (int)ResponseMonths, [.. meetings]);
    }

    private sealed class TopicRow
    {
        public string Id { get; init; } = "";
        public string CommitteeId { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Description { get; init; }
        public string? MeetingOn { get; init; }
        public string Status { get; init; } = "";

        public WorkProgrammeTopic ToTopic(IEnumerable<Link> links) => new(Id, CommitteeId, Title, Description, DayText.ParseOrNull(MeetingOn),
            CatalogueNames.Parse<TopicStatus>(Status), [.. links]);
    }

    internal sealed class LinkRow
    {
        public string Owner { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Reference { get; init; } = "";

        public Link ToLink() => new(CatalogueNames.Parse<LinkKind>(Kind), Reference);
    }
}

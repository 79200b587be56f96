using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Meetings;

/// <summary>
/// A committee's or board's meeting rows, read and written inside the caller's transaction (the caller audits a replaced
/// list; a move audits itself): listed with their ids, replaced by a list of days keeping the ids of the days that stay, and moved.
/// </summary>
public static class MeetingRows
{
    public static async Task<IReadOnlyList<Meeting>> ListAsync(DbConnection connection, DbTransaction? transaction, MeetingOwner owner, string id,
        CancellationToken cancellationToken = default)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT id AS Id, meets_on AS MeetsOn, moves AS Sequence, updated_at AS UpdatedAt FROM {owner.Table} WHERE {owner.OwnerColumn} = @id ORDER BY meets_on",
            new { id }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToMeeting())];
    }

    /// <summary>
    /// Makes the stored days <paramref name="days"/>: a day that stays keeps its row (id, moves), a day no longer
    /// listed is deleted, a new day gets a new id. So a client that replaces the whole list moves nothing by accident.
    /// <paramref name="moves"/> (a meeting's id and its new day, which is in <paramref name="days"/>) moves those meetings
    /// first, keeping their ids, as a form listing each meeting in its own box does when a box's date is changed; an id
    /// the owner has no meeting with moves nothing. Returns the meetings that moved, as they were and are.
    /// </summary>
    public static async Task<IReadOnlyList<(Meeting Before, Meeting After)>> ReplaceAsync(DbConnection connection, DbTransaction transaction,
        StoreEngine engine, MeetingOwner owner, string id, IReadOnlyList<DateOnly> days, DateTimeOffset at,
        IReadOnlyList<(string Meeting, DateOnly On)>? moves = null)
    {
        var stored = await ListAsync(connection, transaction, owner, id);
        var wanted = days.ToHashSet();
        var moved = (moves ?? [])
            .Where(m => wanted.Contains(m.On))
            .Select(m => (Before: stored.FirstOrDefault(s => s.Id == m.Meeting), m.On))
            .Where(m => m.Before is not null && m.Before.On != m.On)
            .Select(m => (Before: m.Before!, After: m.Before! with { On = m.On, Sequence = m.Before!.Sequence + 1, UpdatedAt = at }))
            .DistinctBy(m => m.Before.Id).DistinctBy(m => m.After.On).ToList();
        var movedIds = moved.Select(m => m.Before.Id).ToHashSet(StringComparer.Ordinal);
        var stamp = SqlDialect.Timestamp(at, engine);
        // Out of the way first, so that two meetings may swap days without meeting on one day in between.
        await connection.ExecuteAsync($"UPDATE {owner.Table} SET meets_on = @away WHERE {owner.OwnerColumn} = @id AND id = @meeting",
            moved.Select(m => new { away = $"moving-{m.Before.Id}", id, meeting = m.Before.Id }), transaction);
        var gone = stored.Where(s => !movedIds.Contains(s.Id) && (!wanted.Contains(s.On) || moved.Any(m => m.After.On == s.On))).ToList();
        await connection.ExecuteAsync($"DELETE FROM {owner.Table} WHERE {owner.OwnerColumn} = @id AND id = @meeting",
            gone.Select(s => new { id, meeting = s.Id }), transaction);
        await connection.ExecuteAsync(
            $"UPDATE {owner.Table} SET meets_on = @day, moves = @Sequence, updated_at = @stamp WHERE {owner.OwnerColumn} = @id AND id = @meeting",
            moved.Select(m => new { day = DayText.Of(m.After.On), m.After.Sequence, stamp, id, meeting = m.Before.Id }), transaction);
        var kept = stored.Except(gone).Where(s => !movedIds.Contains(s.Id)).Select(s => s.On).Concat(moved.Select(m => m.After.On)).ToHashSet();
        await connection.ExecuteAsync(
            $"INSERT INTO {owner.Table} ({owner.OwnerColumn}, meets_on, id, moves, updated_at) VALUES (@owner, @day, @meeting, 0, @stamp)",
            wanted.Except(kept).Order().Select(day => new { owner = id, day = DayText.Of(day), meeting = NewId(), stamp }), transaction);
        return moved;
    }

    /// <summary>
    /// Moves one meeting to <paramref name="on"/>, keeping its id and counting the move (so a subscribed calendar moves it
    /// rather than adding one), refused when another meeting has that day; writes <paramref name="action"/>'s audit row
    /// when it moved, so the committee's and the board's stores move the same way.
    /// </summary>
    public static async Task<MeetingMove> MoveAsync(DbConnection connection, DbTransaction transaction, StoreEngine engine, MeetingOwner owner,
        string id, string meetingId, DateOnly on, DateTimeOffset at, string actor, string action, string subject,
        CancellationToken cancellationToken = default)
    {
        var meetings = await ListAsync(connection, transaction, owner, id);
        if (meetings.FirstOrDefault(m => m.Id == meetingId) is not { } before) return new(MeetingMoveOutcome.NoMeeting);
        if (before.On == on) return new(MeetingMoveOutcome.Moved, before, before);
        if (meetings.Any(m => m.On == on)) return new(MeetingMoveOutcome.DayTaken, before);
        var after = before with { On = on, Sequence = before.Sequence + 1, UpdatedAt = at };
        await connection.ExecuteAsync(
            $"UPDATE {owner.Table} SET meets_on = @day, moves = @Sequence, updated_at = @stamp WHERE {owner.OwnerColumn} = @id AND id = @meetingId",
            new { day = DayText.Of(on), after.Sequence, stamp = SqlDialect.Timestamp(at, engine), id, meetingId }, transaction);
        await AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, actor, action, subject, AuditLog.Detail(Detail(before, after))),
            engine, cancellationToken);
        return new(MeetingMoveOutcome.Moved, before, after);
    }

    /// <summary>What an audit row says of a move.</summary>
    public static object Detail(Meeting before, Meeting after) =>
        new { meeting = before.Id, before = DayText.Of(before.On), after = DayText.Of(after.On), sequence = after.Sequence };

    // 12 hex digits: never a yyyy-MM-dd day, which is what meetings stored before ids were given took as theirs.
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string MeetsOn { get; init; } = "";
        public long Sequence { get; init; }
        public object? UpdatedAt { get; init; }

        public Meeting ToMeeting() => new(Id, DayText.Parse(MeetsOn), (int)Sequence, UpdatedAt is null ? null : SqlDialect.ReadTimestamp(UpdatedAt));
    }
}

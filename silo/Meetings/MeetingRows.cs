using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Meetings;

/// <summary>
/// A committee's or board's meeting rows, read and written inside the caller's transaction (the caller writes the
/// audit row): listed with their ids, replaced by a list of days keeping the ids of the days that stay, and moved.
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
    /// Makes the stored days <paramref name="days"/>: a day that stays keeps its row (id, sequence), a day no longer
    /// listed is deleted, a new day gets a new id. So a client that replaces the whole list moves nothing by accident.
    /// </summary>
    public static async Task ReplaceAsync(DbConnection connection, DbTransaction transaction, StoreEngine engine, MeetingOwner owner, string id,
        IReadOnlyList<DateOnly> days, DateTimeOffset at)
    {
        var stored = (await connection.QueryAsync<string>(
            $"SELECT meets_on FROM {owner.Table} WHERE {owner.OwnerColumn} = @id", new { id }, transaction)).ToHashSet(StringComparer.Ordinal);
        var wanted = days.Select(DayText.Of).ToHashSet(StringComparer.Ordinal);
        var gone = stored.Except(wanted).ToList();
        if (gone.Count > 0)
            await connection.ExecuteAsync($"DELETE FROM {owner.Table} WHERE {owner.OwnerColumn} = @id AND meets_on = @day",
                gone.Select(day => new { id, day }), transaction);
        var stamp = SqlDialect.Timestamp(at, engine);
        await connection.ExecuteAsync(
            $"INSERT INTO {owner.Table} ({owner.OwnerColumn}, meets_on, id, moves, updated_at) VALUES (@owner, @day, @meeting, 0, @stamp)",
            wanted.Except(stored).Order(StringComparer.Ordinal).Select(day => new { owner = id, day, meeting = NewId(), stamp }), transaction);
    }

    /// <summary>Moves one meeting to <paramref name="on"/>, keeping its id and counting the move; refused when another meeting has that day.</summary>
    public static async Task<MeetingMove> MoveAsync(DbConnection connection, DbTransaction transaction, StoreEngine engine, MeetingOwner owner,
        string id, string meetingId, DateOnly on, DateTimeOffset at)
    {
        var meetings = await ListAsync(connection, transaction, owner, id);
        if (meetings.FirstOrDefault(m => m.Id == meetingId) is not { } before) return new(MeetingMoveOutcome.NoMeeting);
        if (before.On == on) return new(MeetingMoveOutcome.Moved, before, before);
        if (meetings.Any(m => m.On == on)) return new(MeetingMoveOutcome.DayTaken, before);
        var after = before with { On = on, Sequence = before.Sequence + 1, UpdatedAt = at };
        await connection.ExecuteAsync(
            $"UPDATE {owner.Table} SET meets_on = @day, moves = @Sequence, updated_at = @stamp WHERE {owner.OwnerColumn} = @id AND id = @meetingId",
            new { day = DayText.Of(on), after.Sequence, stamp = SqlDialect.Timestamp(at, engine), id, meetingId }, transaction);
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

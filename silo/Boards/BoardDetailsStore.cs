using System.Globalization;
using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Meetings;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Boards;

/// <summary>Writes a board's chair and meeting dates (catalogue facts, like its name) with their audit row; a replaced list keeps
/// the ids of the dates that stay, and a meeting moved keeps its id (<see cref="MeetingRows"/>).</summary>
public sealed class BoardDetailsStore(Database database, NodeCatalogue catalogue)
{
    /// <param name="moves">Meetings moved to another of <paramref name="meetings"/>' days, keeping their ids (<see cref="MeetingRows.ReplaceAsync"/>).</param>
    public Task SetAsync(string boardId, string? chair, IReadOnlyList<DateOnly> meetings, string actor, DateTimeOffset at,
        CancellationToken cancellationToken = default, IReadOnlyList<(string Meeting, DateOnly On)>? moves = null) =>
        catalogue.WriteAsync(async (connection, transaction) =>
        {
            var before = await connection.QuerySingleAsync<string?>("SELECT chair FROM boards WHERE id = @boardId", new { boardId }, transaction);
            var beforeMeetings = (await connection.QueryAsync<string>(
                "SELECT meets_on FROM board_meetings WHERE board_id = @boardId ORDER BY meets_on", new { boardId }, transaction)).ToList();
            var days = meetings.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
            await connection.ExecuteAsync("UPDATE boards SET chair = @chair WHERE id = @boardId", new { chair, boardId }, transaction);
            var moved = await MeetingRows.ReplaceAsync(connection, transaction, database.Engine, MeetingOwner.Board, boardId, meetings, at, moves);
            await AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, actor, BoardActions.DetailsSet, ChangeGroups.Board(boardId),
                AuditLog.Detail(new
                {
                    before = new { chair = before, meetings = beforeMeetings }, after = new { chair, meetings = days },
                    moved = moved.Select(m => MeetingRows.Detail(m.Before, m.After)),
                })),
                database.Engine, cancellationToken);
            return 0;
        }, cancellationToken);

    /// <summary>The board's meetings with their ids, by day.</summary>
    public async Task<IReadOnlyList<Meeting>> ListMeetingsAsync(string boardId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await MeetingRows.ListAsync(connection, null, MeetingOwner.Board, boardId, cancellationToken);
    }

    /// <summary>Moves one meeting to another day, keeping its id (so a subscribed calendar moves it); audited when it moved.</summary>
    public Task<MeetingMove> MoveMeetingAsync(string boardId, string meetingId, DateOnly on, string actor, DateTimeOffset at,
        CancellationToken cancellationToken = default) =>
        catalogue.WriteAsync(async (connection, transaction) =>
            await MeetingRows.MoveAsync(connection, transaction, database.Engine, MeetingOwner.Board, boardId, meetingId, on, at,
                actor, BoardActions.MeetingMoved, ChangeGroups.Board(boardId), cancellationToken), cancellationToken);
}

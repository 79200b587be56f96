using System.Globalization;
using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Boards;

/// <summary>Writes a board's chair and meeting dates (catalogue facts, like its name) with their audit row.</summary>
public sealed class BoardDetailsStore(Database database, NodeCatalogue catalogue)
{
    public Task SetAsync(string boardId, string? chair, IReadOnlyList<DateOnly> meetings, string actor, DateTimeOffset at,
        CancellationToken cancellationToken = default) =>
        catalogue.WriteAsync(async (connection, transaction) =>
        {
            var before = await connection.QuerySingleAsync<string?>("SELECT chair FROM boards WHERE id = @boardId", new { boardId }, transaction);
            var beforeMeetings = (await connection.QueryAsync<string>(
                "SELECT meets_on FROM board_meetings WHERE board_id = @boardId ORDER BY meets_on", new { boardId }, transaction)).ToList();
            var days = meetings.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
            await connection.ExecuteAsync("UPDATE boards SET chair = @chair WHERE id = @boardId", new { chair, boardId }, transaction);
            await connection.ExecuteAsync("DELETE FROM board_meetings WHERE board_id = @boardId", new { boardId }, transaction);
            await connection.ExecuteAsync("INSERT INTO board_meetings (board_id, meets_on) VALUES (@boardId, @day)",
                days.Select(day => new { boardId, day }), transaction);
            await AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, actor, BoardActions.DetailsSet, ChangeGroups.Board(boardId),
                AuditLog.Detail(new { before = new { chair = before, meetings = beforeMeetings }, after = new { chair, meetings = days } })),
                database.Engine, cancellationToken);
            return 0;
        }, cancellationToken);
}

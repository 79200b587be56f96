using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Meetings;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Store;

/// <summary>
/// Migration 0017 on a store that already holds meetings: each keeps its date as its id (so the same store always
/// gives the same UIDs), has moved no times, and moves from then on keeping that id; on both engines.
/// </summary>
public sealed class MeetingIdsMigrationTests
{
    private const int Version = 17;

    [Theory, ClassData(typeof(Engines))]
    public async Task Meetings_stored_before_ids_take_their_date_as_id_and_keep_it_through_a_move(StoreEngine engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var database = new Database(StoreOptions.From(test.ConnectionString, Directory.GetCurrentDirectory()));
        // The store as the release before this one left it: every earlier script applied, then meetings written.
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            foreach (var (version, name, sql) in SchemaMigrator.Scripts.Where(s => s.Version < Version))
            {
                await connection.ExecuteAsync(SqlDialect.Apply(sql, engine));
                await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, 'then')", new { version, name });
            }
            await connection.ExecuteAsync("INSERT INTO places (code, name, type) VALUES ('P1', 'Place', 'metropolitan_borough')");
            await connection.ExecuteAsync("INSERT INTO committees (id, name, place_code, response_months, created_at) VALUES ('c1', 'Committee', 'P1', 2, @at)",
                new { at = SqlDialect.Timestamp(DateTimeOffset.UtcNow, engine) });
            await connection.ExecuteAsync("INSERT INTO boards (id, name, place_code) VALUES ('b1', 'Board', 'P1')");
            await connection.ExecuteAsync("INSERT INTO committee_meetings (committee_id, meets_on) VALUES ('c1', '2026-06-30'), ('c1', '2026-09-29')");
            await connection.ExecuteAsync("INSERT INTO board_meetings (board_id, meets_on) VALUES ('b1', '2026-10-01')");
        }

        Assert.True(await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync() >= 1);

        var committees = new CommitteeStore(database);
        Assert.Equal([new Meeting("2026-06-30", new DateOnly(2026, 6, 30), 0, null), new Meeting("2026-09-29", new DateOnly(2026, 9, 29), 0, null)],
            await committees.ListMeetingsAsync("c1"));
        await using (var connection = await database.OpenAsync())
            Assert.Equal(Meeting("2026-10-01", 2026, 10, 1), Assert.Single(await MeetingRows.ListAsync(connection, null, MeetingOwner.Board, "b1")));

        var at = new DateTimeOffset(2026, 12, 6, 9, 30, 0, TimeSpan.Zero);
        var move = await committees.MoveMeetingAsync("c1", "2026-06-30", new DateOnly(2026, 7, 7), "test", at);
        Assert.Equal(MeetingMoveOutcome.Moved, move.Outcome);
        // A new meeting on the day the first one left gets an id of its own, not that day.
        await committees.SetMeetingsAsync("c1", [new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 7), new DateOnly(2026, 9, 29)], "test", at);
        var after = await committees.ListMeetingsAsync("c1");
        Assert.Equal(new Meeting("2026-06-30", new DateOnly(2026, 7, 7), 1, at), after[1]);
        Assert.Equal((new DateOnly(2026, 6, 30), 0), (after[0].On, after[0].Sequence));
        Assert.Matches("^[0-9a-f]{12}$", after[0].Id);
        Assert.Equal(3, after.Select(m => m.Id).Distinct().Count());
    }

    private static Meeting Meeting(string id, int year, int month, int day) => new(id, new DateOnly(year, month, day), 0, null);
}

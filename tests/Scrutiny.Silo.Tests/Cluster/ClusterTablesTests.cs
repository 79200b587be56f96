using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Scrutiny.Silo.Cluster;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Cluster;

/// <summary>
/// The store's membership and reminder tables, on both engines, held to what Orleans relies on: a write made against a
/// table version that moved on is refused and leaves nothing behind, an entry reads back as it was written, and a
/// reminder range that wraps past zero misses and repeats no reminder.
/// </summary>
public sealed class ClusterTablesTests
{
    private static async Task<(TestDatabase, Database)> MigratedAsync(StoreEngine engine)
    {
        var test = await TestDatabase.CreateAsync(engine);
        return (test, await test.MigratedStoreAsync());
    }

    private static IOptions<ClusterOptions> Ids(string clusterId = "test") => Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "svc" });

    private static MembershipEntry Entry(int port, SiloStatus status = SiloStatus.Joining) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 7),
        Status = status,
        ProxyPort = port + 1000,
        HostName = "host",
        SiloName = $"silo-{port}",
        StartTime = new DateTime(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc),
        IAmAliveTime = new DateTime(2026, 12, 5, 9, 0, 1, DateTimeKind.Utc),
    };

    [Theory, ClassData(typeof(Engines))]
    public async Task Membership_writes_against_a_moved_version_are_refused_whole(StoreEngine engine)
    {
        var (test, database) = await MigratedAsync(engine);
        await using var _ = test;
        await using var __ = database;
        var table = new SqlMembershipTable(database, Ids());
        await table.InitializeMembershipTable(true);
        await table.InitializeMembershipTable(true);
        var empty = await table.ReadAll();
        Assert.Equal(0, empty.Version.Version);
        Assert.Empty(empty.Members);

        Assert.True(await table.InsertRow(Entry(11111), empty.Version.Next()));
        // The same version again: another silo read the table before the first insert.
        Assert.False(await table.InsertRow(Entry(11112), empty.Version.Next()));
        // A fresh version but a row that is there already: refused, and the version did not move.
        var one = await table.ReadAll();
        Assert.False(await table.InsertRow(Entry(11111), one.Version.Next()));
        Assert.Equal(1, (await table.ReadAll()).Version.Version);
        Assert.Single((await table.ReadAll()).Members);

        // Two silos voting at once with what they both read: one wins.
        var suspected = Entry(11111, SiloStatus.Active);
        suspected.AddSuspector(SiloAddress.New(IPAddress.Loopback, 11112, 7), new DateTime(2026, 12, 5, 9, 1, 0, DateTimeKind.Utc));
        var (entry, etag) = one.Members.Single();
        var votes = await Task.WhenAll(table.UpdateRow(suspected, etag, one.Version.Next()), table.UpdateRow(Entry(11111, SiloStatus.Dead), etag, one.Version.Next()));
        Assert.Single(votes, won => won);

        var read = (await table.ReadRow(entry.SiloAddress)).Members.Single().Item1;
        var expected = votes[0] ? suspected : Entry(11111, SiloStatus.Dead);
        Assert.Equal((expected.SiloAddress, expected.Status, expected.ProxyPort, expected.SiloName, expected.StartTime),
            (read.SiloAddress, read.Status, read.ProxyPort, read.SiloName, read.StartTime));
        Assert.Equal(expected.SuspectTimes?.Select(s => (s.Item1, s.Item2)) ?? [], read.SuspectTimes?.Select(s => (s.Item1, s.Item2)) ?? []);
        Assert.Equal(2, (await table.ReadAll()).Version.Version);

        // A heartbeat moves the row's time and nothing else.
        var alive = Entry(11111);
        alive.IAmAliveTime = new DateTime(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc);
        await table.UpdateIAmAlive(alive);
        var afterHeartbeat = await table.ReadAll();
        Assert.Equal(2, afterHeartbeat.Version.Version);
        Assert.Equal(alive.IAmAliveTime, afterHeartbeat.Members.Single().Item1.IAmAliveTime);
        Assert.Equal(expected.Status, afterHeartbeat.Members.Single().Item1.Status);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Clusters_sharing_a_store_see_only_their_own_members_and_only_long_dead_ones_are_cleaned_up(StoreEngine engine)
    {
        var (test, database) = await MigratedAsync(engine);
        await using var _ = test;
        await using var __ = database;
        var blue = new SqlMembershipTable(database, Ids("blue"));
        var green = new SqlMembershipTable(database, Ids("green"));
        await blue.InitializeMembershipTable(true);
        await green.InitializeMembershipTable(true);
        Assert.True(await blue.InsertRow(Entry(11111, SiloStatus.Dead), new TableVersion(1, "0")));
        Assert.True(await blue.InsertRow(Entry(11112, SiloStatus.Active), new TableVersion(2, "1")));
        Assert.True(await green.InsertRow(Entry(11111, SiloStatus.Dead), new TableVersion(1, "0")));
        Assert.Equal(2, (await blue.ReadAll()).Members.Count);
        Assert.Single((await green.ReadAll()).Members);

        await blue.CleanupDefunctSiloEntries(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, (await blue.ReadAll()).Members.Count);
        await blue.CleanupDefunctSiloEntries(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal([SiloStatus.Active], (await blue.ReadAll()).Members.Select(m => m.Item1.Status));
        Assert.Single((await green.ReadAll()).Members);

        await blue.DeleteMembershipTableEntries("blue");
        Assert.Empty((await blue.ReadAll()).Members);
        Assert.Single((await green.ReadAll()).Members);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Reminders_are_kept_with_etags_and_read_by_ranges_of_the_ring(StoreEngine engine)
    {
        var (test, database) = await MigratedAsync(engine);
        await using var _ = test;
        await using var __ = database;
        var table = new SqlReminderTable(database, Ids());
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("publication-clock", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var start = new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc);
        foreach (var grain in grains)
            Assert.Equal("1", await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "tick", StartAt = start, Period = TimeSpan.FromMinutes(1) }));

        // Registering again gives a new etag; a removal naming the old one removes nothing.
        var again = await table.UpsertRow(new ReminderEntry { GrainId = grains[0], ReminderName = "tick", StartAt = start.AddHours(1), Period = TimeSpan.FromMinutes(5) });
        Assert.Equal("2", again);
        var row = await table.ReadRow(grains[0], "tick");
        Assert.Equal((start.AddHours(1), TimeSpan.FromMinutes(5), "2"), (row!.StartAt, row.Period, row.ETag));
        Assert.False(await table.RemoveRow(grains[0], "tick", "1"));
        Assert.True(await table.RemoveRow(grains[0], "tick", "2"));
        Assert.Null(await table.ReadRow(grains[0], "tick"));
        Assert.Single((await table.ReadRows(grains[1])).Reminders);

        // Two ranges that split the ring at two points, one of them wrapping past zero, hold every reminder once.
        var hashes = grains.Skip(1).Select(g => g.GetUniformHashCode()).Order().ToList();
        var (a, b) = (hashes[10], hashes[25]);
        var inner = (await table.ReadRows(a, b)).Reminders.Select(r => r.GrainId).ToList();
        var wrapped = (await table.ReadRows(b, a)).Reminders.Select(r => r.GrainId).ToList();
        Assert.Equal(15, inner.Count);
        Assert.Equal(24, wrapped.Count);
        Assert.Equal(grains.Skip(1).Order(), inner.Concat(wrapped).Order());
        Assert.Empty((await new SqlReminderTable(database, Options.Create(new ClusterOptions { ServiceId = "other" })).ReadRows(0, 0)).Reminders);
    }
}

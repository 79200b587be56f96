using Dapper;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Seeding;

public sealed class ReseedTests
{
    [Theory, ClassData(typeof(Engines))]
    public async Task Seeding_again_writes_nothing_on_the_same_node_or_a_restarted_one(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        (long Rows, long Versions, long Audited) first, again, restarted;
        // The node's clock stands at the seed's day: the boards derive their statuses from dates, and a board refreshed
        // by a change that arrives after the seed must find nothing moved.
        await using (var silo = await TestSilo.StartAsync(database, time: SeededDemo.At(SeededDemo.Now)))
        {
            await SeededDemo.SeederAt(silo, SeededDemo.Now).SeedAsync(TestContext.Current.CancellationToken);
            first = await CountAsync(silo);
            await SeededDemo.SeederAt(silo, SeededDemo.Now.AddDays(3)).SeedAsync(TestContext.Current.CancellationToken);
            again = await CountAsync(silo);
        }
        await using (var silo = await TestSilo.StartAsync(database, time: SeededDemo.At(SeededDemo.Now)))
        {
            // A new process activates every grain afresh from the store: the values must come out identical.
            await SeededDemo.SeederAt(silo, SeededDemo.Now).SeedAsync(TestContext.Current.CancellationToken);
            restarted = await CountAsync(silo);
        }

        Assert.True(first.Rows > 5_000);
        Assert.True(first.Audited > 100, $"The seed audited only {first.Audited} writes.");
        Assert.Equal(first, again);
        Assert.Equal(first, restarted);
    }

    /// <summary>
    /// Ledger rows, the sum of grain state versions, and the seed's audit rows: any write moves one of them (the
    /// committees' records are not grain state, but each is audited).
    /// </summary>
    private static async Task<(long, long, long)> CountAsync(TestSilo silo)
    {
        await using var connection = await silo.Database.OpenAsync();
        return (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM returns_ledger"),
            await connection.ExecuteScalarAsync<long>("SELECT SUM(version) FROM grain_state"),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE actor = 'seed-demo'"));
    }
}

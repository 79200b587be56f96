using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Seeding;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Seeding;

/// <summary>
/// One demo seed per engine, shared by the tests that only read it (seeding takes a second or two). Seeded as of a
/// fixed day, on a node whose clock stands at that day too, so that the windows the tests see (and the statuses and
/// states read from dates) do not move with the calendar.
/// </summary>
public sealed class SeededDemo : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 8, 15, 9, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<StoreEngine, Lazy<Task<(TestDatabase Database, TestSilo Silo)>>> _seeded = new();

    public async Task<TestSilo> SiloAsync(StoreEngine engine) =>
        (await _seeded.GetOrAdd(engine, e => new(() => SeedAsync(e))).Value).Silo;

    /// <summary>A seeder as the silo registers it, but on <see cref="Now"/>.</summary>
    public static DemoSeeder SeederAt(TestSilo silo, DateTimeOffset now) =>
        ActivatorUtilities.CreateInstance<DemoSeeder>(silo.Services, At(now));

    /// <summary>A clock that stands at <paramref name="now"/>.</summary>
    public static TimeProvider At(DateTimeOffset now) => new FixedTime(now);

    private static async Task<(TestDatabase, TestSilo)> SeedAsync(StoreEngine engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        var silo = await TestSilo.StartAsync(database, time: At(Now));
        await SeederAt(silo, Now).SeedAsync(CancellationToken.None);
        return (database, silo);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var seeded in _seeded.Values.Where(s => s.IsValueCreated))
        {
            if (!seeded.Value.IsCompletedSuccessfully) continue;
            var (database, silo) = await seeded.Value;
            await silo.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

using Dapper;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Store;

/// <summary>
/// Connections opened at the same moment on one SQLite file each get a native handle of their own, while pools are
/// cleared around them (every SQLite test's clean-up clears the process's pools; so does a disk made read-only).
/// Microsoft.Data.Sqlite's pool can lend one handle to two owners when opens, closes and clears meet
/// (dotnet/efcore#39008); two writers on one handle once failed the demo seed in CI with "SQL logic error" at BEGIN.
/// Without the gate, 9 of 20,000 waves shared a handle (SCRUTINY_POOL_WAVES=20000); with it, none.
/// </summary>
public sealed class SqlitePoolTests
{
    [Fact]
    public async Task Connections_opened_together_never_share_a_handle()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var store = new Database(StoreOptions.From(database.ConnectionString, "/"));
        await using (var setup = await store.OpenAsync())
            await setup.ExecuteAsync("CREATE TABLE writes (n INTEGER NOT NULL)");

        var waves = int.TryParse(Environment.GetEnvironmentVariable("SCRUTINY_POOL_WAVES"), out var w) ? w : 2_000;
        const int together = 16;
        var shared = 0;
        for (var wave = 0; wave < waves; wave++)
        {
            if (wave % 3 == 0) GatedSqliteConnection.ClearPools();
            var connections = await Task.WhenAll(Enumerable.Range(0, together).Select(_ => Task.Run(() => store.OpenAsync())));
            if (connections.Select(c => ((Microsoft.Data.Sqlite.SqliteConnection)c).Handle!.DangerousGetHandle()).Distinct().Count() != together)
                shared++;
            await Task.WhenAll(connections.Select(c => Task.Run(async () => await c.DisposeAsync())));
        }

        Assert.Equal(0, shared);
    }
}

using System.IO.Compression;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Verification;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Silos;

/// <summary>
/// A database the release before Orleans made (commit 7eaaed9, its own grain runtime: <c>silo seed-demo</c>, kept in
/// Fixtures) opens on the Orleans silo and reads back every value, revision and board record it held.
/// </summary>
public sealed class UpgradeInPlaceTests
{
    [Fact]
    public async Task The_release_before_orleans_database_opens_upgrades_and_reads_back_everything()
    {
        var folder = Directory.CreateTempSubdirectory("scrutiny-upgrade-").FullName;
        await using (var gz = new GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Silos", "Fixtures", "release-7eaaed9-demo.db.gz")), CompressionMode.Decompress))
        await using (var file = File.Create(Path.Combine(folder, "scrutiny.db")))
            await gz.CopyToAsync(file);
        await using var database = TestDatabase.SqliteIn(folder);
        var before = await ReadOldAsync(database.ConnectionString);
        Assert.True(before.Indicators.Count > 200 && before.Boards.Count > 10, "the fixture holds the demo");

        await using var node = await TestNode.StartAsync(database);
        var grains = node.Services.GetRequiredService<IGrainFactory>();

        // Every value, with its revisions, as the old runtime stored it.
        foreach (var (key, periods) in before.Indicators)
        {
            var series = await grains.GetGrain<IIndicatorGrain>(key).GetSeriesAsync(DataView.All);
            Assert.Equal(periods.Keys.Order(StringComparer.Ordinal), series.Points.Select(p => p.Period).Order(StringComparer.Ordinal));
            foreach (var point in series.Points)
                Assert.Equal(periods[point.Period].OrderBy(c => c.Agency, StringComparer.Ordinal).Select(c => (c.Agency, c.Numerator, c.Revision)),
                    point.Contributions.OrderBy(c => c.Agency, StringComparer.Ordinal).Select(c => (c.Agency, c.Numerator, c.Revision)));
        }
        // Every board's commitments, with their milestones and recorded status history.
        foreach (var (board, commitments) in before.Boards)
        {
            var view = await grains.GetGrain<IPartnershipBoardGrain>(board).GetBoardAsync(DataView.All);
            Assert.NotNull(view);
            Assert.Equal(commitments, view.Commitments.Select(c => (c.Commitment.Id, c.Commitment.Milestones.Count, c.Commitment.History.Count)));
        }
        // Nothing rewritten on the way, and the store still agrees with itself (silo verify).
        Assert.Equal(before.LedgerRows, await CountAsync(node, "SELECT COUNT(*) FROM returns_ledger"));
        Assert.Empty(await node.Services.GetRequiredService<StoreVerifier>().VerifyAsync());
    }

    private sealed record OldStore(
        Dictionary<string, Dictionary<string, List<(string Agency, double Numerator, int Revision)>>> Indicators,
        Dictionary<string, List<(string, int, int)>> Boards, long LedgerRows);

    /// <summary>Reads the fixture's grain rows as plain JSON (not through today's classes), before any new code touches it.</summary>
    private static async Task<OldStore> ReadOldAsync(string connectionString)
    {
        await using var connection = new Scrutiny.Silo.Store.GatedSqliteConnection(connectionString);
        await connection.OpenAsync();
        var rows = (await connection.QueryAsync<(string Type, string Key, string Data)>("SELECT grain_type, grain_key, data FROM grain_state")).ToList();
        var indicators = rows.Where(r => r.Type == GrainStates.Indicator).ToDictionary(r => r.Key, r =>
            JsonDocument.Parse(r.Data).RootElement.GetProperty("periods").EnumerateObject().ToDictionary(p => p.Name, p =>
                p.Value.EnumerateObject().Select(a => (a.Name, a.Value.GetProperty("numerator").GetDouble(), a.Value.GetProperty("revision").GetInt32())).ToList()));
        var boards = rows.Where(r => r.Type == GrainStates.PartnershipBoard).ToDictionary(r => r.Key, r =>
            JsonDocument.Parse(r.Data).RootElement.GetProperty("commitments").EnumerateArray()
                .Select(c => (c.GetProperty("id").GetString()!, c.GetProperty("milestones").GetArrayLength(), c.GetProperty("history").GetArrayLength())).ToList());
        var ledger = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM returns_ledger");
        Scrutiny.Silo.Store.GatedSqliteConnection.ClearPools();
        return new OldStore(indicators, boards, ledger);
    }

    private static async Task<long> CountAsync(TestNode node, string sql)
    {
        await using var connection = await node.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}

using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Seeding;
using Scrutiny.Silo.Verification;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Verification;

/// <summary>
/// <c>silo verify</c> on the demo: clean as seeded, and each kind of damage to an aggregate or the records it is
/// built from named by its check and subject, with exit code 1.
/// </summary>
public sealed class StoreVerifierTests
{
    [Theory, ClassData(typeof(Engines))]
    public async Task The_seeded_demo_verifies_clean_and_each_damaged_aggregate_is_reported(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using (var silo = await TestSilo.StartAsync(database, time: SeededDemo.At(SeededDemo.Now)))
        {
            await SeededDemo.SeederAt(silo, SeededDemo.Now).SeedAsync(CancellationToken.None);
            Assert.Empty(await silo.Services.GetRequiredService<StoreVerifier>().VerifyAsync());
        }
        Assert.Equal(0, (await SiloCommand.RunAsync(database, "verify")).ExitCode);

        var damage = await DamageAsync(database);
        var (exit, lines) = await SiloCommand.RunAsync(database, "verify");

        Assert.Equal(1, exit);
        foreach (var expected in damage) Assert.Contains(lines, l => l.StartsWith(expected, StringComparison.Ordinal));
        Assert.StartsWith($"{lines.Count(l => l.Contains(": ", StringComparison.Ordinal) && !l.StartsWith("Scrutiny store", StringComparison.Ordinal))} difference(s)", lines[^1]);
    }

    /// <summary>Damages one thing of each kind, as a bug or a half-applied write would, and returns how each must be reported.</summary>
    private static async Task<IReadOnlyList<string>> DamageAsync(TestDatabase database)
    {
        await using var node = await TestSilo.StartAsync(database);
        await using var connection = await node.Database.OpenAsync();
        var found = new List<string>();

        // A revision lost from the ledger: the value's revisions no longer run 1, 2, 3….
        var newest = await connection.QuerySingleAsync<(long Id, string Place, string Indicator, string Period, string Agency)>(
            "SELECT id, place_code, indicator_code, period, agency_code FROM returns_ledger ORDER BY id DESC LIMIT 1");
        await connection.ExecuteAsync("UPDATE returns_ledger SET revision = revision + 1 WHERE id = @Id", new { newest.Id });
        found.Add($"ledger: {newest.Place}/{newest.Indicator} {newest.Period} {newest.Agency}:");

        // A place's latest value that its indicator does not give.
        var (placeKey, placeData) = await connection.QueryFirstAsync<(string, string)>(
            "SELECT grain_key, data FROM grain_state WHERE grain_type = 'place' ORDER BY grain_key");
        var place = JsonNode.Parse(placeData)!;
        var (indicator, latest) = place["latest"]!.AsObject().First();
        latest!["value"] = latest["value"]!.GetValue<double>() + 1;
        await connection.ExecuteAsync("UPDATE grain_state SET data = @data WHERE grain_type = 'place' AND grain_key = @placeKey",
            new { data = place.ToJsonString(), placeKey });
        found.Add($"place: {placeKey}/{indicator}:");

        // A status recorded on the commitment that its history table lost.
        var status = await connection.QuerySingleAsync<(long Id, string Board, string Commitment)>(
            "SELECT id, board_id, commitment_id FROM commitment_status_history ORDER BY id DESC LIMIT 1");
        await connection.ExecuteAsync("DELETE FROM commitment_status_history WHERE id = @Id", new { status.Id });
        found.Add($"board-status: {status.Board} {status.Commitment}:");

        // A pooled-fund movement whose amount differs from the board's record of it: the entry and its year's totals.
        var fund = await connection.QuerySingleAsync<(long Id, string Board, string Entry, string Year)>(
            "SELECT id, board_id, entry_id, financial_year FROM pooled_fund_ledger ORDER BY id LIMIT 1");
        await connection.ExecuteAsync("UPDATE pooled_fund_ledger SET amount_pence = amount_pence + 100 WHERE id = @Id", new { fund.Id });
        found.Add($"pooled-fund: {fund.Board} {fund.Entry}:");
        found.Add($"pooled-fund: {fund.Board} {fund.Year}:");

        // A batch left accepted (applied by nobody), and an applied batch whose answer counts a value the ledger does not
        // hold. The demo writes through the grains, not batches: these are written as the returns API records them.
        foreach (var (batch, state) in new[] { ("verify-accepted", "accepted"), ("verify-applied", "applied") })
            await connection.ExecuteAsync(
                """
                INSERT INTO return_batches (id, agency_code, submitted_by, source, row_count, status, received_at, result)
                SELECT @batch, agency_code, 'test', 'json', 1, @state, submitted_at, @result FROM returns_ledger WHERE id = @ledgerId
                """, new { batch, state, ledgerId = newest.Id,
                    result = $$"""{"batchId":"{{batch}}","imported":{{(batch == "verify-applied" ? 1 : 0)}},"updated":0,"unchanged":1,"dryRun":false}""" });
        found.Add("batch: verify-accepted: accepted but not applied");
        found.Add("batch: verify-applied: its answer counted 1 imported");
        return found;
    }
}

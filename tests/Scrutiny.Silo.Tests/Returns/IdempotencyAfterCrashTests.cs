using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Returns;

/// <summary>
/// What a retry with the same Idempotency-Key gets after the process that first had the key died (kill -9): the
/// rows a crash leaves are written by hand, as BatchRecoveryTests does, since an in-process node cannot be killed.
/// </summary>
public sealed class IdempotencyAfterCrashTests
{
    private const string Csv = "place,indicator,period,numerator,denominator,note\nE08000003,delayed-discharge-days,2026-07,1350,,\n";

    /// <summary>An instance id no live process has: the process that held the key is gone.</summary>
    private const string DeadInstance = "0000000000000000000000000000dead";

    // As the endpoint hashes a request: media type, dry run, then the body's bytes.
    private static string RequestHash(string csv) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"Csv\n{false}\n{csv}")));

    private static async Task ExecuteAsync(ReturnsEndpoint endpoint, string sql, object? parameters = null)
    {
        await using var connection = await endpoint.Node.Services.GetRequiredService<Database>().OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    private static object Now(StoreEngine engine) => SqlDialect.Timestamp(DateTimeOffset.UtcNow, engine);

    [Theory, ClassData(typeof(Engines))]
    public async Task A_key_reserved_by_a_dead_process_that_committed_nothing_runs_again_on_retry(StoreEngine engine)
    {
        await using var endpoint = await ReturnsEndpoint.StartAsync(engine);
        await ExecuteAsync(endpoint,
            "INSERT INTO idempotency_keys (agency_code, idempotency_key, request_hash, status_code, response, created_at, owner) VALUES ('MFT', 'cut-short', '', 0, '', @at, @owner)",
            new { at = Now(engine), owner = DeadInstance });

        var retry = await endpoint.PostCsvAsync(Csv, idempotencyKey: "cut-short");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((1, 0, 0, false), await ReturnsEndpoint.SummaryAsync(retry));
        var again = await endpoint.PostCsvAsync(Csv, idempotencyKey: "cut-short");
        Assert.Equal(await retry.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, (await endpoint.CountsAsync()).Ledger);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_key_whose_batch_committed_before_the_crash_answers_with_that_batch_once_recovery_applied_it(StoreEngine engine)
    {
        await using var endpoint = await ReturnsEndpoint.StartAsync(engine, new Dictionary<string, string?> { ["Scrutiny:Returns:RecoverySweepSeconds"] = "1" });
        // What kill -9 leaves between the commit and the answer: the batch staged, accepted and linked to its key.
        await ExecuteAsync(endpoint,
            "INSERT INTO return_batches (id, agency_code, submitted_by, source, row_count, status, received_at, accepted_by) VALUES ('committed', 'MFT', 'test', 'csv', 1, 'accepted', @at, @owner)",
            new { at = Now(engine), owner = DeadInstance });
        await ExecuteAsync(endpoint,
            "INSERT INTO return_batch_rows (batch_id, row_number, place_code, indicator_code, period, numerator, denominator, note) VALUES ('committed', 1, 'E08000003', 'delayed-discharge-days', '2026-07', 1350, NULL, NULL)");
        await ExecuteAsync(endpoint,
            """
            INSERT INTO idempotency_keys (agency_code, idempotency_key, request_hash, status_code, response, created_at, owner, batch_id)
            VALUES ('MFT', 'committed-key', @hash, 0, '', @at, @owner, 'committed')
            """, new { hash = RequestHash(Csv), at = Now(engine), owner = DeadInstance });

        // 409 "still being processed" is a fair answer until the sweep has applied the batch; never for long.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        HttpResponseMessage retry;
        while ((retry = await endpoint.PostCsvAsync(Csv, idempotencyKey: "committed-key")).StatusCode == HttpStatusCode.Conflict)
            await Task.Delay(200, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("committed", (await ReturnsEndpoint.JsonAsync(retry)).GetProperty("batchId").GetString());
        Assert.Equal((1, 0, 0, false), await ReturnsEndpoint.SummaryAsync(retry));
        Assert.Equal(1, (await endpoint.CountsAsync()).Ledger);
        var other = await endpoint.PostCsvAsync(Csv.Replace("1350", "1351", StringComparison.Ordinal), idempotencyKey: "committed-key");
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("different request", await other.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_key_reserved_by_a_live_request_of_another_node_still_answers_409_until_that_request_is_done(StoreEngine engine)
    {
        await using var endpoint = await ReturnsEndpoint.StartAsync(engine);
        await using (var connection = await endpoint.Node.Services.GetRequiredService<Database>().OpenAsync())
        {
            // Another node's process, alive (its lease runs for an hour yet): its reservation is a request at work.
            await connection.ExecuteAsync(
                "INSERT INTO node_instances (instance_id, node_name, started_at, lease_until) VALUES ('other-live', 'other-node', @at, @until)",
                new { at = Now(engine), until = SqlDialect.Timestamp(DateTimeOffset.UtcNow.AddHours(1), engine) });
            await connection.ExecuteAsync(
                "INSERT INTO idempotency_keys (agency_code, idempotency_key, request_hash, status_code, response, created_at, owner) VALUES ('MFT', 'busy', '', 0, '', @at, 'other-live')",
                new { at = Now(engine) });
        }

        var retry = await endpoint.PostCsvAsync(Csv, idempotencyKey: "busy");

        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Contains("still being processed", await retry.Content.ReadAsStringAsync());
        Assert.Equal(0, (await endpoint.CountsAsync()).Ledger);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_key_this_process_reserved_for_a_request_that_ended_without_freeing_it_runs_again_on_retry(StoreEngine engine)
    {
        await using var endpoint = await ReturnsEndpoint.StartAsync(engine);
        await using (var connection = await endpoint.Node.Services.GetRequiredService<Database>().OpenAsync())
        {
            // This very process's reservation, with none of its requests running it: what a request leaves when the store
            // goes away as it tries to free its key.
            var self = await connection.ExecuteScalarAsync<string>("SELECT instance_id FROM node_instances WHERE superseded_by IS NULL");
            await connection.ExecuteAsync(
                "INSERT INTO idempotency_keys (agency_code, idempotency_key, request_hash, status_code, response, created_at, owner) VALUES ('MFT', 'orphan', '', 0, '', @at, @self)",
                new { at = Now(engine), self });
        }

        var retry = await endpoint.PostCsvAsync(Csv, idempotencyKey: "orphan");
        var again = await endpoint.PostCsvAsync(Csv, idempotencyKey: "orphan");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (retry.StatusCode, again.StatusCode));
        Assert.Equal(await retry.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, (await endpoint.CountsAsync()).Ledger);
    }
}

using System.Data.Common;
using Dapper;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Returns;

/// <summary>The first answer given to an agency's Idempotency-Key, or a reservation while it is being worked out.</summary>
public sealed record IdempotentAnswer(string RequestHash, int StatusCode, string Response)
{
    /// <summary>Reserved by a request still running (or one that died: see <see cref="IdempotencyKeyRow"/>).</summary>
    public bool InProgress => StatusCode == 0;
}

/// <summary>A key's row: its answer or reservation, the instance that reserved it, and the batch its request committed.</summary>
public sealed record IdempotencyKeyRow(IdempotentAnswer Answer, string? Owner, string? BatchId);

/// <summary>
/// Keeps the first answer to each Idempotency-Key so that a retry gets the same answer and applies nothing again.
/// A key is reserved (inserted, owned by this node instance) before the import starts, so two concurrent requests
/// with one key cannot both apply. A request that commits a batch links the key to it in the same transaction; a
/// reservation left unlinked by a dead instance may be taken over, since nothing of its request was kept.
/// </summary>
public sealed class IdempotencyStore(Database database, NodeInstance self, TimeProvider time)
{
    // The keys whose requests run in this process now. A reservation of this instance's whose key is not held here
    // belongs to a request that ended without answering or freeing it: nothing of it was kept, so it is taken over.
    private readonly HeldHere<(string Agency, string Key)> _runningHere = new();

    /// <summary>Holds the key for one request of this process; false while another of its requests holds it.</summary>
    public bool TryStartHere(string agency, string key) => _runningHere.TryHold((agency, key));

    /// <summary>The request that held the key in this process has ended, with an answer or without.</summary>
    public void EndHere(string agency, string key) => _runningHere.Release((agency, key));

    /// <summary>Whether a reservation was made by this process (whose requests are all known to <see cref="TryStartHere"/>).</summary>
    public bool IsThisInstance(string? owner) => owner == self.Id;

    public async Task<IdempotencyKeyRow?> FindAsync(string agency, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Hash, long Status, string Response, string? Owner, string? BatchId)?>(
            "SELECT request_hash, status_code, response, owner, batch_id FROM idempotency_keys WHERE agency_code = @agency AND idempotency_key = @key",
            new { agency, key });
        return row is { } r ? new IdempotencyKeyRow(new IdempotentAnswer(r.Hash, (int)r.Status, r.Response), r.Owner, r.BatchId) : null;
    }

    /// <summary>True when this request now holds the key; false when another request got it first.</summary>
    public async Task<bool> TryReserveAsync(string agency, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            INSERT INTO idempotency_keys (agency_code, idempotency_key, request_hash, status_code, response, created_at, owner)
            VALUES (@agency, @key, '', 0, '', @at, @owner) ON CONFLICT (agency_code, idempotency_key) DO NOTHING
            """, new { agency, key, at = SqlDialect.Timestamp(time.GetUtcNow(), database.Engine), owner = self.Id }) == 1;
    }

    /// <summary>
    /// Takes over a reservation whose owner is dead and whose request committed nothing; false if anything changed
    /// since <paramref name="deadOwner"/> was read (another retry took it, or it got an answer).
    /// </summary>
    public async Task<bool> TryTakeOverAsync(string agency, string key, string? deadOwner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE idempotency_keys SET owner = @owner, created_at = @at
            WHERE agency_code = @agency AND idempotency_key = @key AND status_code = 0 AND batch_id IS NULL AND COALESCE(owner, '') = @deadOwner
            """, new { agency, key, owner = self.Id, at = SqlDialect.Timestamp(time.GetUtcNow(), database.Engine), deadOwner = deadOwner ?? "" }) == 1;
    }

    /// <summary>
    /// In the transaction that commits the batch: links the key to it, so that the batch and its key commit together.
    /// False when this request no longer holds the key (its instance was taken for dead); the caller must roll back.
    /// </summary>
    public async Task<bool> TryLinkBatchAsync(DbConnection connection, DbTransaction transaction, string agency, string key,
        string requestHash, string batchId) =>
        await connection.ExecuteAsync(
            """
            UPDATE idempotency_keys SET batch_id = @batchId, request_hash = @requestHash
            WHERE agency_code = @agency AND idempotency_key = @key AND status_code = 0 AND batch_id IS NULL AND owner = @owner
            """, new { batchId, requestHash, agency, key, owner = self.Id }, transaction) == 1;

    /// <summary>Keeps this request's answer, unless the key has left this request's hands.</summary>
    public async Task CompleteAsync(string agency, string key, IdempotentAnswer answer)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            UPDATE idempotency_keys SET request_hash = @RequestHash, status_code = @StatusCode, response = @Response
            WHERE agency_code = @agency AND idempotency_key = @key AND status_code = 0 AND owner = @owner
            """, new { answer.RequestHash, answer.StatusCode, answer.Response, agency, key, owner = self.Id });
    }

    /// <summary>Keeps the answer of the batch the key is linked to, once applied: whoever asks first after a crash.</summary>
    public async Task CompleteFromBatchAsync(string agency, string key, string batchId, string response)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            UPDATE idempotency_keys SET status_code = 200, response = @response
            WHERE agency_code = @agency AND idempotency_key = @key AND status_code = 0 AND batch_id = @batchId
            """, new { response, agency, key, batchId });
    }

    /// <summary>Frees a key whose request failed before committing anything, so that a retry can run.</summary>
    public async Task ReleaseAsync(string agency, string key)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "DELETE FROM idempotency_keys WHERE agency_code = @agency AND idempotency_key = @key AND status_code = 0 AND batch_id IS NULL AND owner = @owner",
            new { agency, key, owner = self.Id });
    }
}

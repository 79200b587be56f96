using Dapper;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Returns;

/// <summary>The first answer given to an agency's Idempotency-Key, or a reservation while it is being worked out.</summary>
public sealed record IdempotentAnswer(string RequestHash, int StatusCode, string Response)
{
    /// <summary>Reserved by a request still running.</summary>
    public bool InProgress => StatusCode == 0;
}

/// <summary>
/// Keeps the first answer to each Idempotency-Key so that a retry gets the same answer and applies nothing again.
/// A key is reserved (inserted) before the import starts, so two concurrent requests with one key cannot both apply.
/// </summary>
public sealed class IdempotencyStore(Database database, TimeProvider time)
{
    public async Task<IdempotentAnswer?> FindAsync(string agency, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Hash, long Status, string Response)?>(
            "SELECT request_hash, status_code, response FROM idempotency_keys WHERE agency_code = @agency AND idempotency_key = @key",
            new { agency, key });
        return row is { } r ? new IdempotentAnswer(r.Hash, (int)r.Status, r.Response) : null;
    }

    /// <summary>True when this request now holds the key; false when another request got it first.</summary>
    public async Task<bool> TryReserveAsync(string agency, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            INSERT INTO idempotency_keys (agency_code, idempotency_key, request_hash, status_code, response, created_at)
            VALUES (@agency, @key, '', 0, '', @at) ON CONFLICT (agency_code, idempotency_key) DO NOTHING
            """, new { agency, key, at = SqlDialect.Timestamp(time.GetUtcNow(), database.Engine) }) == 1;
    }

    public async Task CompleteAsync(string agency, string key, IdempotentAnswer answer)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE idempotency_keys SET request_hash = @RequestHash, status_code = @StatusCode, response = @Response WHERE agency_code = @agency AND idempotency_key = @key",
            new { answer.RequestHash, answer.StatusCode, answer.Response, agency, key });
    }

    /// <summary>Frees a key whose request failed without an answer worth repeating, so that a retry can run.</summary>
    public async Task ReleaseAsync(string agency, string key)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE agency_code = @agency AND idempotency_key = @key AND status_code = 0",
            new { agency, key });
    }
}

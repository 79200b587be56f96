using Dapper;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Returns;

/// <summary>What a request with an Idempotency-Key does: run (it holds the key), get an answer given before, or get 409.</summary>
public sealed record KeyDecision(KeyVerdict Verdict, IdempotentAnswer? Answer = null)
{
    public static KeyDecision Run { get; } = new(KeyVerdict.Run);
    public static KeyDecision StillRunning { get; } = new(KeyVerdict.StillRunning);
    public static KeyDecision OtherRequest { get; } = new(KeyVerdict.OtherRequest);
    public static KeyDecision Replay(IdempotentAnswer answer) => new(KeyVerdict.Replay, answer);
}

public enum KeyVerdict
{
    Run,
    Replay,
    StillRunning,
    OtherRequest,
}

/// <summary>
/// Decides what a request does with its Idempotency-Key, across crashes: a key with an answer gives it again; a key
/// linked to a committed batch gives that batch's answer once it is applied (recovery applies it if its node died);
/// a reservation of a live instance means the first request is still running; one of a dead instance, with nothing
/// committed, is taken over and the request runs again.
/// </summary>
public sealed class IdempotentReplay(IdempotencyStore keys, NodeLeases leases, Database database)
{
    // Each step can lose a race with another retry of the same key; then the key is looked at again.
    private const int Attempts = 3;

    /// <param name="requestHash">Reads the rest of the body: called only on the way to an answer, never before a run.</param>
    public async Task<KeyDecision> DecideAsync(string agency, string key, Func<Task<string>> requestHash, CancellationToken cancellationToken)
    {
        // A run holds the key in this process until the caller's EndHere; any other verdict lets it go at once.
        if (!keys.TryStartHere(agency, key)) return KeyDecision.StillRunning;
        var decision = KeyDecision.StillRunning;
        try
        {
            return decision = await DecideHeldAsync(agency, key, requestHash, cancellationToken);
        }
        finally
        {
            if (decision.Verdict != KeyVerdict.Run) keys.EndHere(agency, key);
        }
    }

    private async Task<KeyDecision> DecideHeldAsync(string agency, string key, Func<Task<string>> requestHash, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await keys.TryReserveAsync(agency, key, cancellationToken)) return KeyDecision.Run;
            if (await keys.FindAsync(agency, key, cancellationToken) is not { } row) continue;
            if (!row.Answer.InProgress)
                return await requestHash() == row.Answer.RequestHash ? KeyDecision.Replay(row.Answer) : KeyDecision.OtherRequest;
            if (row.BatchId is { } batchId)
            {
                if (await requestHash() != row.Answer.RequestHash) return KeyDecision.OtherRequest;
                if (await AppliedAnswerAsync(batchId, cancellationToken) is not { } response) return KeyDecision.StillRunning;
                await keys.CompleteFromBatchAsync(agency, key, batchId, response);
                return KeyDecision.Replay(new IdempotentAnswer(row.Answer.RequestHash, 200, response));
            }
            // This process's own reservation, with no request of its own running it (this one holds the key here):
            // a request that ended without freeing it, as when the store went away. Otherwise the owner decides.
            if (!keys.IsThisInstance(row.Owner) && await leases.IsAliveAsync(row.Owner, cancellationToken)) return KeyDecision.StillRunning;
            if (await keys.TryTakeOverAsync(agency, key, row.Owner, cancellationToken)) return KeyDecision.Run;
        }
        return KeyDecision.StillRunning;
    }

    private async Task<string?> AppliedAnswerAsync(string batchId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>("SELECT answer FROM return_batches WHERE id = @batchId AND status = @status",
            new { batchId, status = BatchHeader.Applied });
    }
}

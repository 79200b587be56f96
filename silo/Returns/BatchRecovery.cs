using Dapper;
using Microsoft.Extensions.Logging;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// Finishes batches that were committed but not applied because the instance applying them died or gave up: at
/// start-up, a node's own batches from before the restart; at any time, those of a node whose lease ran out, and this
/// process's own that it no longer holds (telling its grains failed, the store went away). Each is claimed
/// first, so that two nodes do not both take it over. A batch's ledger entries are not planned again: they are handed
/// to the grains, which take an entry they hold already as nothing.
/// </summary>
public sealed class BatchRecovery(Database database, BatchApplier applier, NodeLeases leases, ILogger<BatchRecovery> logger)
{
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var alive = await leases.AliveAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var pending = (await connection.QueryAsync<(string Id, string Agency, string SubmittedBy, string Source, object ReceivedAt, string? AcceptedBy)>(
            "SELECT id, agency_code, submitted_by, source, received_at, accepted_by FROM return_batches WHERE status = @status ORDER BY received_at, id",
            new { status = BatchHeader.Accepted })).ToList();
        var recovered = 0;
        foreach (var (id, agency, submittedBy, source, receivedAt, acceptedBy) in pending)
        {
            // Another live instance's batch is its own to apply. This process's own are known in memory: one it holds is
            // being applied now; one it does not was given up on, and is taken over as a dead instance's is.
            if (acceptedBy != leases.Self.Id && acceptedBy is not null && alive.Contains(acceptedBy)) continue;
            if (!applier.InHand.TryHold(id)) continue;
            try
            {
                var claimed = await connection.ExecuteAsync(
                    "UPDATE return_batches SET accepted_by = @self WHERE id = @id AND status = @status AND COALESCE(accepted_by, '') = @was",
                    new { self = leases.Self.Id, id, status = BatchHeader.Accepted, was = acceptedBy ?? "" });
                if (claimed == 0) continue;
                var batch = new BatchHeader(id, agency, submittedBy, Enum.Parse<ReturnsSource>(source, ignoreCase: true), SqlDialect.ReadTimestamp(receivedAt));
                await applier.ResumeAsync(batch, cancellationToken);
                logger.LogWarning("Applied batch {Batch} of agency {Agency}, interrupted before it was fully applied", id, agency);
                recovered++;
            }
            finally
            {
                applier.InHand.Release(id);
            }
        }
        return recovered;
    }
}

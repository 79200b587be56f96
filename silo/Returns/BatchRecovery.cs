using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// At start-up, applies batches that were accepted (staged and committed) but not applied: the process died
/// part way through. Re-applying rows that did get through counts them as unchanged, so nothing is doubled.
/// </summary>
public sealed class BatchRecovery(Database database, BatchApplier applier, TimeProvider time, ILogger<BatchRecovery> logger)
{
    /// <summary>A batch younger than this may still be being applied by a live node.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public async Task<int> RecoverAsync(CancellationToken cancellationToken, TimeSpan? grace = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var pending = (await connection.QueryAsync<(string Id, string Agency, string SubmittedBy, string Source, object ReceivedAt)>(
            "SELECT id, agency_code, submitted_by, source, received_at FROM return_batches WHERE status = @status ORDER BY received_at, id",
            new { status = BatchHeader.Accepted })).ToList();
        var cutoff = time.GetUtcNow() - (grace ?? Grace);
        var recovered = 0;
        foreach (var (id, agency, submittedBy, source, receivedAt) in pending)
        {
            var batch = new BatchHeader(id, agency, submittedBy, Enum.Parse<ReturnsSource>(source, ignoreCase: true), SqlDialect.ReadTimestamp(receivedAt));
            if (batch.ReceivedAt > cutoff) continue;
            await applier.ApplyAsync(batch, cancellationToken);
            logger.LogWarning("Applied batch {Batch} of agency {Agency}, interrupted before it was fully applied", id, agency);
            recovered++;
        }
        return recovered;
    }
}

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Security;

/// <summary>
/// How many questions and suggestions one client (<see cref="ClientPartition"/>) may send committees an hour
/// (<see cref="RateLimitOptions.ResidentSubmissionsPerHour"/>): residents have no account, so the address is all there
/// is to hold back a flood, and it is kept in memory only, never stored with what was sent. Each node keeps its own
/// count: behind a load balancer that spreads one client over n nodes, the client may send up to n times the budget.
/// </summary>
public sealed class ResidentSubmissionBudget(RateLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.ResidentSubmissionsPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    public int PerHour => options.ResidentSubmissionsPerHour;

    /// <summary>Spends one submission of the client's budget; null when it had one to spend, otherwise how long until it has.</summary>
    public TimeSpan? Spend(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(ClientPartition.Of(context));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromHours(1);
    }

    public void Dispose() => _limiter.Dispose();
}

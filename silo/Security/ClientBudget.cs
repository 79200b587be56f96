using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Security;

/// <summary>
/// A budget each client (<see cref="ClientPartition"/>) spends in fixed windows, kept in memory on this node only: for
/// what is held back by address outside the rate limiter's own budgets (refused API keys, residents' submissions). The
/// limiter drops a client's window once it has been full again for a while, so memory follows the clients of the last
/// window or so, not every address ever seen. Each node keeps its own count: behind a load balancer that spreads one
/// client over n nodes, the client may spend up to n times the budget.
/// </summary>
public sealed class ClientBudget(int permits, TimeSpan window) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        }));

    public int Permits => permits;

    /// <summary>
    /// Spends <paramref name="count"/> of the client's budget (0 only asks whether any is left): null when it could,
    /// otherwise how long until it can.
    /// </summary>
    public TimeSpan? Spend(HttpContext context, int count = 1)
    {
        using var lease = _limiter.AttemptAcquire(ClientPartition.Of(context), count);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
    }

    public void Dispose() => _limiter.Dispose();
}

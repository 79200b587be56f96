using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Security;

/// <summary>
/// How many refused API keys each client (<see cref="ClientPartition"/>) may present a minute
/// (<see cref="RateLimitOptions.FailedAuthenticationsPerMinute"/>). Only refusals spend it; once it is spent, the
/// client's keys are not checked at all until the minute is out, so a right guess looks the same as a wrong one. The
/// limiter drops a client's window once it has been full again for a while: memory follows the clients of the last
/// minute or so, not every address ever seen.
/// </summary>
public sealed class FailedKeyBudget(RateLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.FailedAuthenticationsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>How long until the client may present keys again, or null when it has budget left.</summary>
    public TimeSpan? SpentFor(HttpContext context)
    {
        // Asking for no permits spends nothing: it only says whether any are left.
        using var lease = _limiter.AttemptAcquire(ClientPartition.Of(context), 0);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    /// <summary>The answer to a client whose budget is spent, wherever it presented the key: 429, and when to try again.</summary>
    public static void Refuse(HttpResponse response, TimeSpan retryAfter)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Counts one refused key against the client.</summary>
    public void Spend(HttpContext context)
    {
        using var _ = _limiter.AttemptAcquire(ClientPartition.Of(context));
    }

    public void Dispose() => _limiter.Dispose();
}

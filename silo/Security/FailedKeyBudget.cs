using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Security;

/// <summary>
/// How many refused API keys each client (<see cref="ClientPartition"/>) may present a minute
/// (<see cref="RateLimitOptions.FailedAuthenticationsPerMinute"/>). Only refusals spend it; once it is spent, the
/// client's keys are not checked at all until the minute is out, so a right guess looks the same as a wrong one.
/// </summary>
public sealed class FailedKeyBudget(RateLimitOptions options) : IDisposable
{
    private readonly ClientBudget _budget = new(options.FailedAuthenticationsPerMinute, TimeSpan.FromMinutes(1));

    /// <summary>How long until the client may present keys again, or null when it has budget left; spends nothing.</summary>
    public TimeSpan? SpentFor(HttpContext context) => _budget.Spend(context, 0);

    /// <summary>The answer to a client whose budget is spent, wherever it presented the key: 429, and when to try again.</summary>
    public static void Refuse(HttpResponse response, TimeSpan retryAfter)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Counts one refused key against the client.</summary>
    public void Spend(HttpContext context) => _budget.Spend(context);

    public void Dispose() => _budget.Dispose();
}

using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Security;

/// <summary>
/// How many questions and suggestions one client (<see cref="ClientPartition"/>) may send committees an hour
/// (<see cref="RateLimitOptions.ResidentSubmissionsPerHour"/>): residents have no account, so the address is all there
/// is to hold back a flood, and it is kept in memory only (<see cref="ClientBudget"/>, per node), never stored with
/// what was sent.
/// </summary>
public sealed class ResidentSubmissionBudget(RateLimitOptions options) : IDisposable
{
    private readonly ClientBudget _budget = new(options.ResidentSubmissionsPerHour, TimeSpan.FromHours(1));

    public int PerHour => _budget.Permits;

    /// <summary>Spends one submission of the client's budget; null when it had one to spend, otherwise how long until it has.</summary>
    public TimeSpan? Spend(HttpContext context) => _budget.Spend(context);

    public void Dispose() => _budget.Dispose();
}

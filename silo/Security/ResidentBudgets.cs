namespace Scrutiny.Silo.Security;

/// <summary>
/// How much one client (<see cref="ClientPartition"/>) may send through residents' forms an hour: questions and
/// suggestions to committees (<see cref="RateLimitOptions.ResidentSubmissionsPerHour"/>), and requests for a place's
/// emails (<see cref="RateLimitOptions.SubscriptionRequestsPerHour"/>). Residents have no account, so the address is
/// all there is to hold back a flood; it is kept in memory only (<see cref="ClientBudget"/>, per node), never stored
/// with what was sent.
/// </summary>
public sealed class ResidentBudgets(RateLimitOptions options) : IDisposable
{
    public ClientBudget Submissions { get; } = new(options.ResidentSubmissionsPerHour, TimeSpan.FromHours(1));

    public ClientBudget Subscriptions { get; } = new(options.SubscriptionRequestsPerHour, TimeSpan.FromHours(1));

    public void Dispose()
    {
        Submissions.Dispose();
        Subscriptions.Dispose();
    }
}

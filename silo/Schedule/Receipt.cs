namespace Scrutiny.Silo.Schedule;

/// <summary>What the returns ledger holds for one agency's return of one place, indicator and period.</summary>
/// <param name="FirstSubmittedAt">When revision 1 arrived: this is what decides on time or late.</param>
/// <param name="LastSubmittedAt">When the latest revision arrived.</param>
/// <param name="Revisions">How many revisions the ledger holds (1 or more).</param>
public sealed record Receipt(DateTimeOffset FirstSubmittedAt, DateTimeOffset LastSubmittedAt, int Revisions);

namespace Scrutiny.Silo.Schedule;

/// <summary>
/// A locked period reopened for one agency, for every place it returns for (the indicator's other agencies stay
/// locked out). <see cref="ReopenedBy"/> is the administrator's key id; the reason is kept in the audit log too.
/// </summary>
public sealed record PeriodReopening(
    long Id, string Agency, string Indicator, string Period, string Reason, string ReopenedBy, DateTimeOffset ReopenedAt);

/// <summary>The body of <c>POST /api/v1/agencies/{code}/reopenings</c>.</summary>
public sealed record ReopeningRequest(string? Indicator, string? Period, string? Reason);

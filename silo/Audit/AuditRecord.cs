namespace Scrutiny.Silo.Audit;

/// <summary>One row of the audit log as read back: who, when, what, from where, and the change's details (JSON).</summary>
public sealed record AuditRecord(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string Source, string Detail);

/// <summary>One page of a search, newest first, and how many rows match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Entries, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

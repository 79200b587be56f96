namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// Who sends a generated request: the authorisation table's people by their cookie, and the two API keys by header.
/// The first three are not entitled to unpublished values, and an answer to them must never carry one.
/// </summary>
public enum FuzzCaller
{
    Anonymous,
    AgencyKey,
    ScrutinyMember,
    AdminKey,
    AgencyPerson,
    BoardMember,
    Administrator,
}

public static class FuzzCallers
{
    public static bool MaySeeUnpublished(this FuzzCaller caller) =>
        caller is not (FuzzCaller.Anonymous or FuzzCaller.AgencyKey or FuzzCaller.ScrutinyMember);

    /// <summary>
    /// Whether the request's sender may see unpublished values: its caller's right, or an administrator's when a
    /// generated header carries the administrator's key in a form the app accepts (<c>Bearer scr_…</c> is one).
    /// </summary>
    public static bool MaySeeUnpublished(this FuzzRequest request) =>
        request.Caller.MaySeeUnpublished() || request.Headers.Any(h => h.Value.Contains(HostileHeaders.AdminKey, StringComparison.Ordinal));
}

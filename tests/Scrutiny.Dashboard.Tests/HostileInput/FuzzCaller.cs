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
}

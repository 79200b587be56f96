namespace Scrutiny.Dashboard.Tests.Authorisation;

/// <summary>Who watches the hub, in the hub's authorisation table: each way in, and each role a person may hold.</summary>
public enum HubWatcher
{
    Anonymous,
    AgencyKey,
    AdministratorKey,

    /// <summary>A person signed in as an administrator, with their cookie.</summary>
    Administrator,

    /// <summary>A person who submits for the agency (which sits on Manchester's board: still no board member).</summary>
    AgencySubmitter,

    /// <summary>A member of manchester-hwb, a board of the place whose values are embargoed.</summary>
    BoardMember,

    /// <summary>A member of trafford-hwb, another place's board.</summary>
    OtherBoardMember,

    ScrutinyMember,
}

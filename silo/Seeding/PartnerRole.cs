namespace Scrutiny.Silo.Seeding;

/// <summary>The part a partner agency plays on a borough's board; decides its sector and what it returns.</summary>
public enum PartnerRole
{
    Council,
    NhsTrust,
    Police,
    Dwp,
    VoluntarySector,
}

public static class PartnerRoles
{
    /// <summary>The catalogue's sector name for each role.</summary>
    public static string Sector(this PartnerRole role) => role switch
    {
        PartnerRole.Council => "local_government",
        PartnerRole.NhsTrust => "health",
        PartnerRole.Police => "police",
        PartnerRole.Dwp => "central_government",
        PartnerRole.VoluntarySector => "voluntary_sector",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

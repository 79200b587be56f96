namespace Scrutiny.Silo.Seeding;

/// <summary>
/// A local authority of the demo: its partner agencies, and what the synthetic returns are scaled by.
/// </summary>
/// <param name="Population">All residents, rounded from the 2021 Census; sizes counts and denominators.</param>
/// <param name="Need">
/// How much harder outcomes are than England's (1 = average), a demo assumption loosely following the Indices of
/// Deprivation, so that Manchester does not look like Trafford.
/// </param>
public sealed record DemoBorough(
    string PlaceCode, string Slug, int Population, double Need,
    string Council, string NhsTrust, string Police, string VoluntarySector)
{
    /// <summary>The board's members: one agency of every role, DWP included.</summary>
    public IReadOnlyList<string> Partners => [Council, NhsTrust, Police, DemoAgencies.Dwp.Code, VoluntarySector];

    public string AgencyFor(PartnerRole role) => role switch
    {
        PartnerRole.Council => Council,
        PartnerRole.NhsTrust => NhsTrust,
        PartnerRole.Police => Police,
        PartnerRole.Dwp => DemoAgencies.Dwp.Code,
        PartnerRole.VoluntarySector => VoluntarySector,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

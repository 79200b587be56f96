using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Seeding;

/// <summary>
/// The demo's partner agencies. The organisations are real and serve the boroughs they are listed for; their board
/// memberships and returns are invented.
/// </summary>
public static class DemoAgencies
{
    public static readonly Agency Dwp = Make("DWP", "Department for Work and Pensions", PartnerRole.Dwp);

    /// <summary>
    /// The source of the demo's England figures, the comparator every place is benchmarked against. It plays no
    /// partner role and sits on no board: national figures arrive as a publication, not as a partner's return.
    /// </summary>
    public static readonly Agency National = new("OHID", "Office for Health Improvement and Disparities", "national_government");

    public static readonly IReadOnlyList<Agency> All =
    [
        Make("BOLC", "Bolton Council", PartnerRole.Council),
        Make("BURYC", "Bury Council", PartnerRole.Council),
        Make("MCC", "Manchester City Council", PartnerRole.Council),
        Make("OLDC", "Oldham Council", PartnerRole.Council),
        Make("RBC", "Rochdale Borough Council", PartnerRole.Council),
        Make("SALC", "Salford City Council", PartnerRole.Council),
        Make("SMBC", "Stockport Metropolitan Borough Council", PartnerRole.Council),
        Make("TMBC", "Tameside Metropolitan Borough Council", PartnerRole.Council),
        Make("TRAFC", "Trafford Council", PartnerRole.Council),
        Make("WIGC", "Wigan Council", PartnerRole.Council),
        Make("BWDBC", "Blackburn with Darwen Borough Council", PartnerRole.Council),
        Make("CWAC", "Cheshire West and Chester Council", PartnerRole.Council),
        Make("ECC", "Essex County Council", PartnerRole.Council),

        Make("BOLFT", "Bolton NHS Foundation Trust", PartnerRole.NhsTrust),
        Make("NCA", "Northern Care Alliance NHS Foundation Trust", PartnerRole.NhsTrust),
        Make("MFT", "Manchester University NHS Foundation Trust", PartnerRole.NhsTrust),
        Make("SFT", "Stockport NHS Foundation Trust", PartnerRole.NhsTrust),
        Make("TGICFT", "Tameside and Glossop Integrated Care NHS Foundation Trust", PartnerRole.NhsTrust),
        Make("WWL", "Wrightington, Wigan and Leigh Teaching Hospitals NHS Foundation Trust", PartnerRole.NhsTrust),
        Make("ELHT", "East Lancashire Hospitals NHS Trust", PartnerRole.NhsTrust),
        Make("COCH", "Countess of Chester Hospital NHS Foundation Trust", PartnerRole.NhsTrust),
        Make("MSE", "Mid and South Essex NHS Foundation Trust", PartnerRole.NhsTrust),

        Make("GMP", "Greater Manchester Police", PartnerRole.Police),
        Make("LANCSPOL", "Lancashire Constabulary", PartnerRole.Police),
        Make("CHESPOL", "Cheshire Constabulary", PartnerRole.Police),
        Make("ESSEXPOL", "Essex Police", PartnerRole.Police),

        Dwp,

        Make("BOLCVS", "Bolton CVS", PartnerRole.VoluntarySector),
        Make("BURYVCFA", "Bury Voluntary, Community and Faith Alliance", PartnerRole.VoluntarySector),
        Make("MACC", "Macc", PartnerRole.VoluntarySector),
        Make("ACTTOG", "Action Together", PartnerRole.VoluntarySector),
        Make("SALCVS", "Salford CVS", PartnerRole.VoluntarySector),
        Make("SECTOR3", "Sector3", PartnerRole.VoluntarySector),
        Make("THRIVE", "Thrive Trafford", PartnerRole.VoluntarySector),
        Make("WIGVCFSE", "Wigan Borough VCFSE Alliance", PartnerRole.VoluntarySector),
        Make("CCVS", "Community CVS", PartnerRole.VoluntarySector),
        Make("CWVA", "Cheshire West Voluntary Action", PartnerRole.VoluntarySector),
        Make("ESSEXVCFSE", "Essex VCFSE Alliance", PartnerRole.VoluntarySector),
    ];

    /// <summary>The role an agency plays, read back from its sector.</summary>
    public static PartnerRole RoleOf(Agency agency) =>
        Enum.GetValues<PartnerRole>().Single(role => role.Sector() == agency.Sector);

    private static Agency Make(string code, string name, PartnerRole role) => new(code, name, role.Sector());
}

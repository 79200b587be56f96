namespace Scrutiny.Silo.Seeding;

/// <summary>A partner of a demo Turn-the-Curve plan, by role, and its part.</summary>
public sealed record DemoCurvePartner(PartnerRole Role, string Part);

/// <summary>
/// The demo boards' Turn-the-Curve plan for their headline hospital discharge indicator: the story behind the curve,
/// who has a part to play, and what works, with the no-cost idea RBA asks for.
/// </summary>
public static class DemoTurnTheCurve
{
    public static readonly string Indicator = DemoCommitmentPlans.HomeFromHospital.Indicators[0];

    public const int SetInDays = -30;

    public static string Story(string place) =>
        $"Days spent in hospital by people ready to leave rise every winter in {place} and have not come back down to where " +
        "they were before. Most of the delay is waiting: for a package of care at home, for an assessment, or for a care " +
        "home to accept someone. Each day in a hospital bed costs an older person muscle strength they may not regain, so " +
        "the delay feeds the readmissions the board also watches.";

    public static readonly IReadOnlyList<DemoCurvePartner> Partners =
    [
        new(PartnerRole.NhsTrust, "Runs the wards and the discharge hub; sets an expected discharge date for every patient"),
        new(PartnerRole.Council, "Arranges home care and reablement, and assesses people at home rather than on the ward"),
        new(PartnerRole.VoluntarySector, "Home from hospital volunteers: a lift home, shopping in, and a call the next day"),
    ];

    public static readonly IReadOnlyList<(string Idea, string Cost)> WhatWorks =
    [
        ("Plan discharge from the day of admission, with a date every patient and family knows", "no_cost"),
        ("Trusted assessors, so that care homes accept one assessment instead of making their own", "low_cost"),
        ("Discharge to assess: people go home with support and are assessed there", "funded"),
    ];
}

namespace Scrutiny.Silo.Seeding;

/// <summary>A milestone of a demo commitment: due and (if done) done so many days from the seed's today.</summary>
public sealed record DemoMilestone(string Title, PartnerRole Owner, int DueInDays, int? DoneInDays = null);

/// <summary>
/// A joint commitment every demo board makes, in the words of a Results-Based Accountability scorecard. The agencies
/// are roles, each board's own agency of the role; the baseline is the headline indicator's value in the borough when
/// the commitment was made, and the target that value improved by <see cref="Improvement"/>.
/// </summary>
/// <param name="Indicators">The first is the headline one.</param>
/// <param name="Improvement">The relative improvement promised, 0.2 for a fifth.</param>
/// <param name="SpendShare">Its share of a year's pooled fund.</param>
public sealed record DemoCommitmentPlan(
    string Title, string Result, IReadOnlyList<string> Indicators, double Improvement, PartnerRole Lead, IReadOnlyList<PartnerRole> Contributing,
    IReadOnlyList<DemoMilestone> Milestones, int UpdateInDays, string Update, string Evidence, double SpendShare, string SpendNote);

/// <summary>
/// The demo boards' commitments. Their milestones are placed so that each status shows: the first has a milestone
/// missed (off track), the third one overdue within the grace (at risk), the second none behind (on track unless its
/// indicator says otherwise); each has milestones done and milestones to come. Every status is derived by the
/// product's own rules from these dates and the borough's figures, never set by the seed.
/// </summary>
public static class DemoCommitmentPlans
{
    public static readonly DemoCommitmentPlan HomeFromHospital = new(
        "Get people home from hospital without delay",
        "Older people live independently in their own homes",
        ["delayed-discharge-days", "still-at-home-91-days", "emergency-admissions-65plus"],
        Improvement: 0.2, PartnerRole.NhsTrust, [PartnerRole.Council, PartnerRole.VoluntarySector],
        [
            new("Discharge-to-assess pathway agreed by the trust and the council", PartnerRole.NhsTrust, -230, DoneInDays: -236),
            new("Trusted assessors working on every medical ward", PartnerRole.Council, -45),
            new("Seven-day social work cover at the hospital front door", PartnerRole.Council, 60),
            new("Home from hospital support available at weekends", PartnerRole.VoluntarySector, 150),
        ],
        UpdateInDays: -9,
        "Delayed days have fallen since the discharge-to-assess pathway started, but trusted assessors are not yet on every " +
        "ward: two of the five posts are still vacant and are being advertised again. The board is asked to agree cover from " +
        "the reablement team until they are filled.",
        "Weekly discharge report to the urgent and emergency care group; the trust's workforce report",
        SpendShare: 0.45, "Discharge-to-assess beds and reablement hours");

    public static readonly DemoCommitmentPlan YoungPeopleInLearningOrWork = new(
        "Every young person in education, employment or training",
        "Young people are ready for work and adult life",
        ["neet-16-17"],
        Improvement: 0.15, PartnerRole.Council, [PartnerRole.Dwp, PartnerRole.VoluntarySector],
        [
            new("Every 16 and 17 year old's activity shared monthly with the colleges", PartnerRole.Council, -150, DoneInDays: -158),
            new("Youth hub open in the jobcentre", PartnerRole.Dwp, -70, DoneInDays: -75),
            new("An offer of a place made to every Year 11 leaver", PartnerRole.Council, 40),
        ],
        UpdateInDays: -16,
        "The youth hub has seen 140 young people since it opened, and the number whose activity is not known has fallen by a " +
        "third since the colleges began sharing their rolls each month.",
        "Council's monthly return of young people not in education, employment or training, and those not known",
        SpendShare: 0.25, "Youth hub coaches and travel passes");

    public static readonly DemoCommitmentPlan WorkAndHealth = new(
        "More people with long-term health conditions in work",
        "Residents have good work and a decent income",
        ["employment-gap-long-term-conditions"],
        Improvement: 0.1, PartnerRole.Dwp, [PartnerRole.NhsTrust, PartnerRole.Council],
        [
            new("Work and health coaches placed in GP practices", PartnerRole.NhsTrust, -120, DoneInDays: -118),
            new("Employers' pledge launched with the chamber of commerce", PartnerRole.Council, -12),
            new("Employment support offered in every community mental health team", PartnerRole.NhsTrust, 90),
        ],
        UpdateInDays: -5,
        "Forty-two employers have signed the pledge in draft; the chamber asked to launch it at its next business breakfast, " +
        "so the launch is a few weeks late.",
        "Jobcentre referrals to work and health coaches, by practice",
        SpendShare: 0.2, "Work and health coaches");

    public static readonly IReadOnlyList<DemoCommitmentPlan> All = [HomeFromHospital, YoungPeopleInLearningOrWork, WorkAndHealth];
}

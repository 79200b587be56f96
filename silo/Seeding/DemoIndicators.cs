using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Seeding;

/// <summary>Which partners return each indicator, and the two claimant indicators the fixtures' catalogue lacks.</summary>
public static class DemoIndicators
{
    public static readonly IndicatorDefinition ClaimantCount = new("claimant-count",
        "People claiming unemployment-related benefits (ONS Claimant Count)", "skills_and_work",
        IndicatorUnit.Count, Polarity.LowerIsBetter, Frequency.Monthly, CombineMethod.Sum);

    // ONS publishes the proportion already rounded to one decimal place and not its numerator and denominator, so
    // it is stored as published (a value) rather than recomputed from counts we do not have.
    public static readonly IndicatorDefinition ClaimantRate = new("claimant-rate",
        "Claimants as a percentage of residents aged 16 to 64 (ONS Claimant Count)", "skills_and_work",
        IndicatorUnit.Value, Polarity.LowerIsBetter, Frequency.Monthly, CombineMethod.SingleSource);

    /// <summary>
    /// The size of the demo boards' cohort of people ready to leave hospital who wait for care to be arranged: a count
    /// the trust and the council each return for the people on their lists, as a cohort's size is returned.
    /// </summary>
    public static readonly IndicatorDefinition DischargeCohortSize = new("discharge-cohort-size",
        "People medically fit to leave hospital and waiting for care to be arranged (cohort size)", "health_and_care",
        IndicatorUnit.Count, Polarity.NoJudgement, Frequency.Monthly, CombineMethod.Sum);

    /// <summary>
    /// For each indicator, the roles that return it and each one's share of a borough's figure. Combined
    /// indicators are split so that the parts add up to the borough's figure (each agency returns the people it
    /// saw); a single-source indicator has exactly one role.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<(PartnerRole Role, double Share)>> Returners =
        new Dictionary<string, IReadOnlyList<(PartnerRole, double)>>(StringComparer.Ordinal)
        {
            ["emergency-admissions-65plus"] = [(PartnerRole.NhsTrust, 0.88), (PartnerRole.Council, 0.12)],
            ["still-at-home-91-days"] = [(PartnerRole.Council, 0.65), (PartnerRole.NhsTrust, 0.35)],
            // Delays are attributed to the NHS or to social care; each side returns its own days.
            ["delayed-discharge-days"] = [(PartnerRole.NhsTrust, 0.6), (PartnerRole.Council, 0.4)],
            ["discharge-cohort-size"] = [(PartnerRole.NhsTrust, 0.7), (PartnerRole.Council, 0.3)],
            // Public health (adult smoking) and school readiness are the council's duties.
            ["adult-smoking"] = [(PartnerRole.Council, 1)],
            ["good-level-of-development"] = [(PartnerRole.Council, 1)],
            ["neet-16-17"] = [(PartnerRole.Council, 1)],
            ["employment-gap-long-term-conditions"] = [(PartnerRole.Dwp, 1)],
            ["proven-reoffending"] = [(PartnerRole.Police, 1)],
            // One population is the denominator, so only one agency may return it: the force that records incidents.
            ["antisocial-behaviour-incidents"] = [(PartnerRole.Police, 1)],
            ["homelessness-prevented"] = [(PartnerRole.Council, 0.8), (PartnerRole.VoluntarySector, 0.2)],
            ["residents-feel-involved"] = [(PartnerRole.Council, 1)],
            ["treated-with-dignity"] =
                [(PartnerRole.Council, 0.4), (PartnerRole.NhsTrust, 0.4), (PartnerRole.VoluntarySector, 0.2)],
            [ClaimantCount.Code] = [(PartnerRole.Dwp, 1)],
            [ClaimantRate.Code] = [(PartnerRole.Dwp, 1)],
        };
}

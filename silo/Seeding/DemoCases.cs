using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Benefits;
using Scrutiny.Silo.Boards;

namespace Scrutiny.Silo.Seeding;

/// <summary>
/// The demo's cost-benefit cases, every figure illustrative: two boards state the same case for getting people home
/// from hospital, valuing the bed days their delayed discharges no longer take. In Manchester the discharge-to-assess
/// pathway took hold: built in the first year (costs, no savings), it cut delayed days through the second and by 45% in
/// the third, during which the case pays back; in Bolton it did not (its delayed days go on as before) and the case never pays
/// back. The unit costs, the optimism bias by grade and the deflator are made up for the demonstration and say so.
/// </summary>
public static class DemoCases
{
    public const string Indicator = "delayed-discharge-days";
    public const string BedDay = "acute-bed-day";

    public static DemoCommitmentPlan Plan => DemoCommitmentPlans.HomeFromHospital;

    /// <summary>The boards that state the case, by borough, and how far their delayed days fall once the work has taken hold.</summary>
    public static readonly IReadOnlyDictionary<string, double> Effects = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["manchester"] = 0.45,
        ["bolton"] = 0,
    };

    /// <summary>Months from the commitment before the work shows at all: the first year builds the pathway.</summary>
    public const int BuildMonths = 12;

    /// <summary>Months from then until its whole effect shows: a pathway opens ward by ward.</summary>
    public const int RampMonths = 12;

    /// <summary>The price year of the demo's unit costs; the settings restate them at the current financial year's prices.</summary>
    public const string PriceYear = "2024/25";

    /// <summary>Whether the synthetic series of <paramref name="indicator"/> in <paramref name="borough"/> is one a demo case counts.</summary>
    public static bool Counts(DemoBorough borough, IndicatorDefinition indicator) => indicator.Code == Indicator && Effects.ContainsKey(borough.Slug);

    /// <summary>
    /// The share by which the work has cut the series in <paramref name="period"/>: none for <see cref="BuildMonths"/>
    /// after the commitment was made, then rising evenly to its whole effect over <see cref="RampMonths"/>.
    /// </summary>
    public static double Effect(DemoBorough borough, Period period, DateOnly today)
    {
        var made = DemoDays.CommitmentsMade(today);
        var months = (period.Start.Year - made.Year) * 12 + period.Start.Month - made.Month - BuildMonths;
        return months <= 0 ? 0 : Effects.GetValueOrDefault(borough.Slug) * Math.Min(1.0, months / (double)RampMonths);
    }

    public static readonly IReadOnlyList<(string Code, UnitCostBody Body)> UnitCosts =
    [
        (BedDay, new UnitCostBody("A day in an acute hospital bed", "health", 400m, PriceYear, 2, "fiscal_non_cashable",
            "Illustrative figure for the demonstration, of the order of published NHS costs of an excess bed day; not a citable cost",
            null, Illustrative: true)),
        ("emergency-admission-65plus", new UnitCostBody("An emergency admission of a person aged 65 or over", "health", 2_500m, PriceYear, 3,
            "fiscal_non_cashable", "Illustrative figure for the demonstration; not a citable cost", null, Illustrative: true)),
        ("police-call-out", new UnitCostBody("A police call-out to a concern for a person's welfare", "police", 300m, PriceYear, 4,
            "fiscal_non_cashable", "Illustrative figure for the demonstration; not a citable cost", null, Illustrative: true)),
    ];

    /// <summary>Illustrative settings: the Green Book's 3.5%, an optimism bias rising with the grade, a deflator rising 2% a year.</summary>
    public static AppraisalSettingsBody Settings(DateOnly today)
    {
        var first = Period.Parse(PriceYear);
        var current = Period.Containing(today, Frequency.FinancialYear);
        var deflator = new List<DeflatorBody>();
        var index = 100m;
        for (var year = first; year.CompareTo(current) <= 0; year = year.Next(), index = decimal.Round(index * 1.02m, 1))
            deflator.Add(new DeflatorBody(year.ToString(), index));
        return new AppraisalSettingsBody(3.5m, current.ToString(),
            [.. Enumerable.Range(1, 5).Select(grade => new GradeBiasBody(grade, (grade - 1) * 10m))], deflator,
            "Illustrative index for the demonstration (2% a year), not the published GDP deflator");
    }

    /// <summary>
    /// The cohort the case's boards define: the people their delayed days are spent by, the trust and council that work with
    /// them, their number returned each month, and the commitment whose work is for them.
    /// </summary>
    public static CohortBody Cohort(DemoBorough borough, string commitment) => new("People ready to leave hospital",
        "People the trust and the council help home together through the discharge-to-assess pathway: the people the board's " +
        "commitment to get people home without delay is for.",
        "Adults in the borough's acute hospital who are medically fit to leave and wait for care to be arranged at home or in a care home",
        [borough.AgencyFor(PartnerRole.NhsTrust), borough.AgencyFor(PartnerRole.Council)], DemoIndicators.DischargeCohortSize.Code,
        [Indicator, "emergency-admissions-65plus"], [commitment]);

    /// <summary>What each board states: work started the day the commitment was made; a tenth would have happened anyway, half is the board's.</summary>
    public static CaseBody Case(DateOnly today) => new(DemoDays.Text(DemoDays.CommitmentsMade(today)), 10m, 50m, [new CaseLineBody(Indicator, BedDay)],
        "Illustrative: the demonstration's figures. Half the fall in delayed days is put down to the board's pathway; the rest to the trust's own flow programme.");
}

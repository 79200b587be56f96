using Scrutiny.Grains.Benefits;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Tests.Benefits;

/// <summary>
/// The worked example of <c>docs/benefits.md</c>, computed by hand there and checked here to the penny: a frailty
/// commitment over three financial years, two outcomes, the board's deadweight 10% and attribution 50%, the Green Book's
/// 3.5%. The unit costs are illustrative.
/// </summary>
public sealed class BenefitCaseTests
{
    private static readonly CaseAssumptions Board = new(Deadweight: 0.10m, Attribution: 0.50m);

    // Emergency admissions (fewer is better), £2,000 each to the NHS, optimism bias 20%: £2,000 × 0.9 × 0.5 × 0.8 = £720
    // an admission avoided.
    private static readonly BenefitLine Admissions = new("emergency-admissions", Polarity.LowerIsBetter, "emergency-admission", "health",
        200_000m, 0.20m,
        [
            new("2024/25", 0, Expected: 500, ExpectedLower: 460, ExpectedUpper: 540, Observed: 480),
            new("2025/26", 1, Expected: 520, ExpectedLower: 470, ExpectedUpper: 570, Observed: 460),
            new("2026/27", 2, Expected: 540, ExpectedLower: 480, ExpectedUpper: 600, Observed: 440),
        ]);

    // Police call-outs (fewer is better), £300 each to the police, no optimism bias: £300 × 0.9 × 0.5 = £135 a call-out avoided.
    private static readonly BenefitLine CallOuts = new("police-call-outs", Polarity.LowerIsBetter, "police-call-out", "police",
        30_000m, 0m,
        [
            new("2024/25", 0, Expected: 100, ExpectedLower: 90, ExpectedUpper: 110, Observed: 100),
            new("2025/26", 1, Expected: 100, ExpectedLower: 90, ExpectedUpper: 110, Observed: 90),
            new("2026/27", 2, Expected: 100, ExpectedLower: 88, ExpectedUpper: 112, Observed: 80),
        ]);

    // £50,000, £30,000 and £10,000 spent from the pooled fund.
    private static readonly (string, int, long)[] Spend = [("2024/25", 0, 5_000_000), ("2025/26", 1, 3_000_000), ("2026/27", 2, 1_000_000)];

    [Fact]
    public void Each_year_is_valued_as_the_change_against_the_baseline_after_the_boards_shares_and_the_optimism_bias()
    {
        var result = BenefitCase.Compute(Board, [Admissions, CallOuts], Spend);

        // 20 × £720 + 0 × £135; 60 × £720 + 10 × £135; 100 × £720 + 20 × £135.
        Assert.Equal([1_440_000m, 4_455_000m, 7_470_000m], result.Periods.Select(p => p.Benefit));
        // The baseline's interval: (460 − 480) × £720 + (90 − 100) × £135 at the low end, (540 − 480) × £720 + (110 − 100) × £135 at the high.
        Assert.Equal([-1_575_000m, 720_000m, 2_988_000m], result.Periods.Select(p => p.BenefitLow));
        Assert.Equal([4_455_000m, 8_190_000m, 11_952_000m], result.Periods.Select(p => p.BenefitHigh));
        Assert.Equal([5_000_000L, 3_000_000L, 1_000_000L], result.Periods.Select(p => p.Cost));
    }

    [Fact]
    public void Present_values_net_value_ratio_and_pay_back_are_the_worked_examples()
    {
        var result = BenefitCase.Compute(Board, [Admissions, CallOuts], Spend);

        // £14,400 + £44,550 / 1.035 + £74,700 / 1.035² = £127,176.7276 → £127,176.73.
        Assert.Equal(12_717_673, result.PresentBenefitPence);
        // £50,000 + £30,000 / 1.035 + £10,000 / 1.035² = £88,320.6142 → £88,320.61.
        Assert.Equal(8_832_061, result.PresentCostPence);
        // The two figures shown, one less the other: £38,856.12.
        Assert.Equal(3_885_612, result.NetPresentValuePence);
        Assert.Equal((1_909_982, 23_525_363), (result.PresentBenefitLowPence, result.PresentBenefitHighPence));
        Assert.Equal(1.4399m, Math.Round(result.BenefitCostRatio!.Value, 4));
        // Net to date: −£35,600.00, then −£21,542.03, then +£38,856.11: it pays back in the third year.
        Assert.Equal("2026/27", result.PaysBackIn);
    }

    [Fact]
    public void A_case_whose_costs_outrun_its_gains_never_pays_back()
    {
        var result = BenefitCase.Compute(Board, [Admissions, CallOuts], [("2024/25", 0, 20_000_000), ("2025/26", 1, 20_000_000), ("2026/27", 2, 20_000_000)]);

        Assert.Null(result.PaysBackIn);
        Assert.True(result.NetPresentValuePence < 0);
    }

    [Fact]
    public void The_costs_are_shared_as_the_gains_fall_and_the_shares_add_up_to_the_penny()
    {
        var result = BenefitCase.Compute(Board, [Admissions, CallOuts], Spend);

        // The NHS gains £123,351.90 of the £127,176.73 (96.99%), the police £3,824.83: £88,320.61 shared so is
        // £85,664.376… and £2,656.233…; the penny left over goes to the larger remainder.
        var (health, police) = (result.Shares.Single(s => s.BorneBy == "health"), result.Shares.Single(s => s.BorneBy == "police"));
        Assert.Equal((12_335_190, 382_483), (health.PresentBenefitPence, police.PresentBenefitPence));
        Assert.Equal((8_566_438, 265_623), (health.FairContributionPence, police.FairContributionPence));
        Assert.Equal(result.PresentCostPence, result.Shares.Sum(s => s.FairContributionPence));
    }

    [Fact]
    public void Where_higher_is_better_the_gain_is_what_was_observed_above_the_baseline()
    {
        var employment = new BenefitLine("into-work", Polarity.HigherIsBetter, "month-off-benefit", "dwp", 100_000m, 0.10m,
            [new("2024/25", 0, Expected: 40, ExpectedLower: 30, ExpectedUpper: 50, Observed: 45)]);

        var result = BenefitCase.Compute(new CaseAssumptions(0, 1), [employment], []);

        // 5 more than expected × £1,000 × 0.9; the range from 45 − 50 to 45 − 30.
        Assert.Equal((450_000m, -450_000m, 1_350_000m), (result.Periods[0].Benefit, result.Periods[0].BenefitLow, result.Periods[0].BenefitHigh));
        Assert.Null(result.BenefitCostRatio);
        Assert.Null(result.PaysBackIn);
    }

    [Fact]
    public void Shares_outside_zero_to_one_and_outcomes_without_a_better_direction_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BenefitCase.Compute(new CaseAssumptions(1.2m, 0.5m), [Admissions], Spend));
        Assert.Throws<ArgumentOutOfRangeException>(() => BenefitCase.Compute(new CaseAssumptions(0.1m, -0.5m), [Admissions], Spend));
        Assert.Throws<ArgumentException>(() => BenefitCase.Compute(Board, [Admissions with { Polarity = Polarity.NoJudgement }], Spend));
    }
}

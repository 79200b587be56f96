using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Statistics.Spc;

/// <summary>What special causes and limits mean for an indicator with a given polarity.</summary>
public static class SpcClassification
{
    /// <summary>A flagged point is an improvement when it lies on the better side of the mean, a concern on the
    /// worse side; with no judgement it is only high or low (NHSRplotthedots 0.2.2 <c>point_type</c>, which uses the
    /// side of the mean even for a trend point).</summary>
    public static PointType PointTypeOf(SpecialCause cause, double value, double mean, Polarity polarity)
    {
        if (cause == SpecialCause.CommonCause) return PointType.CommonCause;
        var side = Math.Sign(value - mean);
        return polarity switch
        {
            Polarity.NoJudgement => side > 0 ? PointType.SpecialCauseNeutralHigh : PointType.SpecialCauseNeutralLow,
            _ => side == BetterSide(polarity) ? PointType.SpecialCauseImprovement : PointType.SpecialCauseConcern,
        };
    }

    /// <summary>The variation icon of the last point: improvement or concern, high or low by which way is better.</summary>
    public static VariationIcon VariationIconOf(PointType lastPoint, Polarity polarity) => lastPoint switch
    {
        PointType.SpecialCauseImprovement =>
            BetterSide(polarity) > 0 ? VariationIcon.ImprovementHigh : VariationIcon.ImprovementLow,
        PointType.SpecialCauseConcern =>
            BetterSide(polarity) > 0 ? VariationIcon.ConcernLow : VariationIcon.ConcernHigh,
        PointType.SpecialCauseNeutralHigh => VariationIcon.NeutralHigh,
        PointType.SpecialCauseNeutralLow => VariationIcon.NeutralLow,
        _ => VariationIcon.CommonCause,
    };

    /// <summary>The assurance icon: a target outside the process limits is always met (or always missed); a target
    /// between them is met only sometimes. None without a target or without a better direction.</summary>
    public static AssuranceIcon? AssuranceIconOf(double? target, XmrLimits limits, Polarity polarity)
    {
        if (target is not { } t || polarity == Polarity.NoJudgement) return null;
        var better = BetterSide(polarity);
        if (t > limits.UpperProcessLimit) return better > 0 ? AssuranceIcon.ConsistentFail : AssuranceIcon.ConsistentPass;
        if (t < limits.LowerProcessLimit) return better > 0 ? AssuranceIcon.ConsistentPass : AssuranceIcon.ConsistentFail;
        return AssuranceIcon.Inconsistent;
    }

    /// <summary>+1 when higher is better, −1 when lower is better, 0 with no judgement.</summary>
    private static int BetterSide(Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => 1,
        Polarity.LowerIsBetter => -1,
        _ => 0,
    };
}
